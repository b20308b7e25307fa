import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, Prisma } from "./generated/client";
import { getEnv } from "../env";

export { Prisma };
export type Tx = Prisma.TransactionClient;

// One pool and one client per process (Next dev reloads modules, so keep them on globalThis). Prisma and the few
// hand-written SQL paths (the screening write path) share the pool, so the process never holds more connections
// than DB_POOL_MAX. The embedded PGlite server multiplexes one session, so npm start sets DB_POOL_MAX=1 there.
const globalForDb = globalThis as unknown as { __prisma?: PrismaClient; __pgPool?: pg.Pool };

function createClient(): PrismaClient {
  const adapter = new PrismaPg(getPool(), { disposeExternalPool: true });
  return new PrismaClient({
    adapter,
    // Secrets never leave the data layer by accident.
    omit: { user: { passwordHash: true } },
  });
}

/** The process's connection pool (created on first use). Prefer `getDb()`; raw SQL goes through `db/sql.ts`. */
export function getPool(): pg.Pool {
  if (!globalForDb.__pgPool) {
    const env = getEnv();
    globalForDb.__pgPool = createPool({ connectionString: env.DATABASE_URL, max: env.DB_POOL_MAX, connectTimeoutSeconds: env.DB_CONNECT_TIMEOUT_SECONDS });
  }
  return globalForDb.__pgPool;
}

/**
 * A pool as the app configures it (exported for the tests that check how it behaves when the server is unreachable).
 * - No JIT: every query here is short OLTP, and with stale statistics (a growing table, autovacuum off or behind) the
 *   planner's estimates cross jit_above_cost and an execution spends 25–30 ms compiling (docs/benchmarks.md). Sent
 *   at connection start-up; PGlite (no JIT) ignores it.
 * - A connection is waited for at most `connectTimeoutSeconds` (node-postgres waits forever by default): with the
 *   server unreachable but not refusing (packets dropped, a server that accepts and never answers, a pool held by
 *   slow work) requests fail as "database unavailable" (503 + Retry-After) instead of hanging.
 * - TCP keep-alive, so a connection to a server that vanished without closing it is noticed.
 */
export function createPool({ connectionString, max, connectTimeoutSeconds }: { connectionString: string; max: number; connectTimeoutSeconds: number }): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, options: "-c jit=off", connectionTimeoutMillis: Math.round(connectTimeoutSeconds * 1000), keepAlive: true });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on("error", (error) => console.error("[db] idle connection error:", error.message));
  return pool;
}

export function getDb(): PrismaClient {
  globalForDb.__prisma ??= createClient();
  return globalForDb.__prisma;
}

export async function disconnectDb(): Promise<void> {
  const prisma = globalForDb.__prisma;
  const pool = globalForDb.__pgPool;
  globalForDb.__prisma = undefined;
  globalForDb.__pgPool = undefined;
  if (prisma) await prisma.$disconnect();
  // Prisma ends the pool it was given (disposeExternalPool) once it had connected; end it here otherwise.
  if (pool && !pool.ended) await pool.end().catch(() => {});
}

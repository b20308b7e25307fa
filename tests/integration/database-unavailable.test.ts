// The app's connection pool when the database can't be reached: every way of not answering ends, within the connect
// timeout, in an error that `isDatabaseUnavailable` recognises (so routes answer 503 + Retry-After) — never a hang.
import net from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPool } from "@/lib/server/db";
import { isDatabaseUnavailable } from "@/lib/server/db/errors";
import { PrismaClient } from "@/lib/server/db/generated/client";

/** A TCP server that accepts connections and never says a word (a hung server, or packets dropped after SYN). */
let blackHole: net.Server;
let blackHolePort: number;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  blackHole = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => blackHole.listen(0, "127.0.0.1", resolve));
  blackHolePort = (blackHole.address() as net.AddressInfo).port;
});

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => blackHole.close(resolve));
});

async function failure(run: () => Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  try {
    await run();
  } catch (error) {
    return { error, ms: Date.now() - started };
  }
  throw new Error("expected a failure");
}

describe("an unreachable database is reported, not waited for", () => {
  it("a server that accepts and never answers: the pool gives up after the connect timeout", async () => {
    const pool = createPool({ connectionString: `postgresql://postgres@127.0.0.1:${blackHolePort}/postgres`, max: 1, connectTimeoutSeconds: 1 });
    try {
      const { error, ms } = await failure(() => pool.query("SELECT 1"));
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(900);
      expect(ms).toBeLessThan(5_000);
    } finally {
      await pool.end();
    }
  });

  it("the same through Prisma (what route handlers see)", async () => {
    const prisma = new PrismaClient({ adapter: new PrismaPg(createPool({ connectionString: `postgresql://postgres@127.0.0.1:${blackHolePort}/postgres`, max: 1, connectTimeoutSeconds: 1 }), { disposeExternalPool: true }) });
    try {
      const { error, ms } = await failure(() => prisma.$queryRaw`SELECT 1`);
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(ms).toBeLessThan(5_000);
    } finally {
      await prisma.$disconnect();
    }
  });

  it("a pool whose connections are all held by slow work: a waiting query gives up after the connect timeout", async () => {
    const pool = createPool({ connectionString: inject("databaseUrl"), max: 1, connectTimeoutSeconds: 1 });
    const held = await pool.connect();
    try {
      const { error, ms } = await failure(() => pool.query("SELECT 1"));
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(ms).toBeLessThan(5_000);
    } finally {
      held.release();
      await pool.end();
    }
  });

  it("a port where nothing listens: refused at once", async () => {
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const prisma = new PrismaClient({ adapter: new PrismaPg(createPool({ connectionString: `postgresql://postgres@127.0.0.1:${port}/postgres`, max: 1, connectTimeoutSeconds: 5 }), { disposeExternalPool: true }) });
    try {
      const { error, ms } = await failure(() => prisma.$queryRaw`SELECT 1`);
      expect(isDatabaseUnavailable(error), String(error)).toBe(true);
      expect(ms).toBeLessThan(2_000);
    } finally {
      await prisma.$disconnect();
    }
  });
});

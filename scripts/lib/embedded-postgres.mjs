// Embedded PostgreSQL: PGlite (Postgres compiled to WASM) exposed on a local TCP port through pglite-socket, so the
// app, Prisma and the migration CLI talk to it exactly as to a real server. The process that calls this IS the
// database server: run everything else (migrations, seed, Next) as child processes and never block this one.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { fuzzystrmatch } from "@electric-sql/pglite/contrib/fuzzystrmatch";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/**
 * @param {{ dataDir?: string, port?: number, host?: string }} options
 *   dataDir: persist there (created if missing); omit for an in-memory database.
 *   port: 0 picks a free port.
 * @returns {Promise<{ url: string, port: number, stop: () => Promise<void> }>}
 */
export async function startEmbeddedPostgres({ dataDir, port = 0, host = "127.0.0.1" } = {}) {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ? { dataDir, extensions: { pg_trgm, fuzzystrmatch, unaccent } } : { extensions: { pg_trgm, fuzzystrmatch, unaccent } });
  // PGlite is a single Postgres session, and pglite-socket interleaves the protocol messages of concurrent
  // connections outside transactions, so clients use a pool of ONE (DB_POOL_MAX=1). The server still accepts two:
  // after a query error the pool drops its connection and reconnects before the server has seen the old socket
  // close, and with a limit of one that reconnect is refused ("Connection terminated unexpectedly").
  const server = new PGLiteSocketServer({ db, port, host, maxConnections: 2, debug: process.env.PGLITE_DEBUG === "1" });
  await server.start();
  const actualPort = Number(server.getServerConn().split(":").pop());
  let stopped = false;
  return {
    url: `postgresql://postgres@${host}:${actualPort}/postgres?sslmode=disable`,
    port: actualPort,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
      // close() flushes and releases the data directory so the next start reopens it cleanly.
      await db.close();
    },
  };
}

import "server-only";
import type PgBoss from "pg-boss";
import type { getDb } from "../db";

type Db = ReturnType<typeof getDb>;

// pg-boss wraps its schema changes and maintenance in one multi-statement text: "BEGIN; …; COMMIT;" (no parameters).
const WRAPPED_TRANSACTION = /^\s*BEGIN;([\s\S]*);?\s*COMMIT;\s*$/i;

// `SELECT pgboss.create_queue($1, $2)` and friends return `void`, a column type Prisma can't decode; they are run
// for their effect, so they go through $executeRawUnsafe, which decodes no columns.
const VOID_FUNCTION_CALL = /^\s*SELECT\s+[\w"]+\.(create_queue|delete_queue)\(/i;

/**
 * pg-boss's database as the app's own Prisma client, so the queue opens no pool of its own (ADR 0001: the embedded
 * PGlite server is one session, reached through one connection). Parameterised statements go through
 * `$queryRawUnsafe`, whose rows pg-boss reads as `{ rows }`. pg-boss's "BEGIN; …; COMMIT;" scripts run inside a Prisma
 * transaction instead — the body without parameters travels as one simple-protocol query on that transaction's
 * connection — so an error rolls back cleanly rather than leaving a pooled connection in an aborted transaction.
 * Nothing here calls `getDb()` while the transaction is open (with one connection that would deadlock).
 */
export function createPrismaBossDb(db: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const wrapped = !values?.length ? WRAPPED_TRANSACTION.exec(text) : null;
      if (wrapped) {
        await db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe(wrapped[1]);
        }, { maxWait: 60_000, timeout: 120_000 });
        return { rows: [] };
      }
      if (VOID_FUNCTION_CALL.test(text)) {
        await db.$executeRawUnsafe(text, ...(values ?? []).map(toDriverValue));
        return { rows: [] };
      }
      const rows = await db.$queryRawUnsafe<Record<string, unknown>[]>(castUnsupportedTypes(text), ...(values ?? []).map(toDriverValue));
      return { rows };
    },
  };
}

/**
 * Prisma's driver adapter refuses result columns of a few catalog types. pg-boss selects one of them: its
 * installed-check reads `to_regclass('pgboss.version')`, cast to text here (null stays null). (`getJobById` also returns
 * an `interval` column; the app never calls it.)
 */
function castUnsupportedTypes(text: string): string {
  return text.replace(/to_regclass\(('[^']*')\)/g, "to_regclass($1)::text");
}

/** pg-boss passes JSON payloads as strings and dates as Date objects, both of which Prisma sends as they are. */
function toDriverValue(value: unknown): unknown {
  return value === undefined ? null : value;
}

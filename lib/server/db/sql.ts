import "server-only";
import { createHash } from "node:crypto";
import type pg from "pg";
import { getPool } from ".";
import { getEnv } from "../env";

export type SqlClient = pg.PoolClient;

/**
 * Runs `work` in one transaction on a pooled connection, for the few write paths where Prisma's per-statement
 * overhead matters (screening: docs/decisions/0006-screening-write-path.md). Commits when `work` resolves, rolls back
 * when it throws; a connection whose rollback fails is discarded instead of going back to the pool.
 * Never call Prisma inside `work`: with a pool of one (the embedded database) it would wait for this connection.
 */
export async function withSqlTransaction<T>(work: (client: SqlClient) => Promise<T>): Promise<T> {
  const client = await getPool().connect();
  let broken: Error | undefined;
  // A checked-out client has no error listener: a connection dropped while `work` computes (idle in transaction)
  // would otherwise be an uncaught 'error' event and take the process down. The next query on it fails instead.
  const onError = (error: Error) => {
    broken = error;
  };
  client.on("error", onError);
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    try {
      await client.query("ROLLBACK");
    } catch (rollbackError) {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    }
    throw error;
  } finally {
    client.off("error", onError);
    client.release(broken);
  }
}

/** Runs one statement and returns its rows. */
export type SqlQuery = <R>(sql: string, params: unknown[]) => Promise<R[]>;

/**
 * Queries on `client` (or the pool) as server-side prepared statements, named by a hash of their text, so each
 * connection plans them once instead of on every call (the linkage lookups took 2–3 ms to plan). Not on the embedded
 * database (a pool of one): PGlite is one session shared by every connection, so names prepared by a dropped
 * connection would still exist for the next. DB_PREPARED_STATEMENTS=off turns them off (PgBouncer in transaction mode).
 * `prepare: false` for a statement whose best plan depends on table sizes that change under it: a generic plan made
 * while a table was small (a seq scan) is kept until the table is next analyzed.
 */
export function sqlQuery(client: Pick<pg.Pool, "query"> = getPool(), { prepare = true }: { prepare?: boolean } = {}): SqlQuery {
  const env = getEnv();
  const prepared = prepare && env.DB_POOL_MAX > 1 && env.DB_PREPARED_STATEMENTS !== "off";
  return async <R,>(sql: string, params: unknown[]) => {
    const config = prepared ? { name: statementName(sql), text: sql, values: params } : { text: sql, values: params };
    const result = await client.query<R & pg.QueryResultRow>(config);
    return result.rows as R[];
  };
}

const names = new Map<string, string>();
function statementName(sql: string): string {
  let name = names.get(sql);
  if (!name) names.set(sql, (name = `hrs_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`));
  return name;
}

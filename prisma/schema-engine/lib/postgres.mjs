// Small PostgreSQL helpers: connection URLs, one-off admin connections, and the mapping of driver
// errors to the Prisma error codes (P1xxx) the CLI understands.

import pg from "pg";

/** A user-facing engine error: the CLI shows `code` and `message` (e.g. P1003 makes it create the DB). */
export class EngineUserError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.name = "EngineUserError";
    this.code = code;
    this.meta = meta;
  }
}

/** The database name in a connection URL (`postgres` when the URL has none, as libpq does). */
export function databaseName(url) {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ""));
  return name || "postgres";
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url, database) {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** `host:port` as Prisma prints it in its errors. */
export function serverAddress(url) {
  const parsed = new URL(url);
  return `${parsed.hostname || "localhost"}:${parsed.port || 5432}`;
}

/** A quoted identifier, for the few statements (CREATE/DROP DATABASE) that cannot take parameters. */
export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** Run `fn(client)` on one short-lived connection, always closing it. */
export async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  // An 'error' event without a listener would crash the process (e.g. the server goes away).
  client.on("error", () => {});
  await client.connect().catch((err) => {
    throw toEngineError(err, url);
  });
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Translate a `pg` / network error into the error the native engine would report. */
export function toEngineError(err, url) {
  if (err instanceof EngineUserError) return err;
  const address = serverAddress(url);
  const database = databaseName(url);
  switch (err?.code) {
    case "3D000": // invalid_catalog_name
      return new EngineUserError(
        "P1003",
        `Database \`${database}\` does not exist on the database server at \`${address}\`.`,
        { database_name: database, database_host: address },
      );
    case "28P01": // invalid_password
    case "28000": // invalid_authorization_specification
      return new EngineUserError(
        "P1000",
        `Authentication failed against database server at \`${address}\`, the provided database credentials are not valid.`,
      );
    case "42501": // insufficient_privilege
      return new EngineUserError("P1010", `User was denied access on the database \`${database}\``);
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return new EngineUserError(
        "P1001",
        `Can't reach database server at \`${address}\`\n\nPlease make sure your database server is running at \`${address}\`.`,
      );
    default:
      return err instanceof Error ? err : new Error(String(err));
  }
}

/** Succeeds when the database in `url` accepts a connection; throws the engine's error otherwise. */
export async function canConnect(url) {
  await withClient(url, (client) => client.query("SELECT 1"));
}

/**
 * Create the database named in `url`, connecting to a maintenance database of the same server
 * (`postgres`, else `template1`) because the target itself does not exist yet.
 */
export async function createDatabase(url) {
  const name = databaseName(url);
  let lastError;
  for (const maintenance of ["postgres", "template1"]) {
    try {
      await withClient(withDatabase(url, maintenance), (client) =>
        client.query(`CREATE DATABASE ${quoteIdent(name)}`),
      );
      return name;
    } catch (err) {
      lastError = err;
      // Only a missing maintenance database is worth a second try.
      if (!(err instanceof EngineUserError && err.code === "P1003")) break;
    }
  }
  if (lastError?.code === "42P04") {
    throw new EngineUserError("P1009", `Database \`${name}\` already exists on the database server at \`${serverAddress(url)}\``);
  }
  throw toEngineError(lastError, url);
}

/** Drop the database named in `url` (used by `cli drop-database`). */
export async function dropDatabase(url) {
  const name = databaseName(url);
  await withClient(withDatabase(url, name === "postgres" ? "template1" : "postgres"), (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`),
  );
}

/** PGlite answers `version()` with e.g. "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-unknown-emscripten". */
export function isPgliteVersion(versionString) {
  return /\bPGlite\b/i.test(versionString ?? "");
}

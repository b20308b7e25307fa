// The driver-adapter factory handed to the WASM schema engine: @prisma/adapter-pg with the fixes the
// schema engine needs, at most one connection to the target, and a shadow database that is really
// a separate database (the stock `connectToShadowDb()` ends up on the main one).

import { randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as log from "./log.mjs";
import { isPgliteVersion, quoteIdent, withClient, withDatabase } from "./postgres.mjs";

const CHAR_OID = 18; // Postgres' internal one-byte `"char"` (pg_class.relkind, pg_attribute.attidentity, ...)
const TEXT_OID = 25;

const CACHE_DIR = path.resolve(import.meta.dirname, "../../../node_modules/.cache/prisma-schema-engine-shim");

/** Contrib extensions loaded into an in-memory PGlite shadow, besides those the target has installed. */
const DEFAULT_PGLITE_SHADOW_EXTENSIONS = ["pg_trgm", "fuzzystrmatch", "unaccent"];

/**
 * adapter-pg 7.10 has no column type for `"char"` and rejects such columns; the schema engine's
 * catalog queries return them. Report them as `Character` (reporting them as text makes the engine
 * panic on PostgreSQL 18). Everything else keeps adapter-pg's own conversion: we run the query, then
 * let adapter-pg's `queryRaw` convert that result with `"char"` columns presented as text.
 */
function queryRawAcceptingChar(queryable) {
  const adapterPgQueryRaw = queryable.queryRaw;
  return async function queryRaw(query) {
    const result = await queryable.performIO(query);
    const charColumns = [];
    const fields = result.fields.map((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return field;
      charColumns.push(index);
      return { ...field, dataTypeID: TEXT_OID };
    });
    // A view of the queryable whose performIO returns the result we already have.
    const view = Object.create(queryable, { performIO: { value: async () => ({ ...result, fields }) } });
    const converted = await adapterPgQueryRaw.call(view, query);
    for (const index of charColumns) converted.columnTypes[index] = ColumnTypeEnum.Character;
    return converted;
  };
}

/**
 * adapter-pg's `executeScript` splits the script on every `;`, which breaks function bodies
 * (`$$ ... ; ... $$`) in migrations. Send the whole script as one simple-protocol query instead,
 * as the native engine does (Postgres runs it as one implicit transaction).
 */
function executeWholeScript(adapter) {
  return async function executeScript(script) {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (err) {
      adapter.onError(err); // throws adapter-pg's DriverAdapterError, which the engine understands
    }
  };
}

/** With PRISMA_SHIM_DEBUG set, log each statement the engine sends (abridged). */
function traced(name, fn) {
  if (!process.env.PRISMA_SHIM_DEBUG) return fn;
  return (arg) => {
    const sql = typeof arg === "string" ? arg : arg?.sql;
    log.debug(`${name}: ${String(sql).replace(/\s+/g, " ").slice(0, 160)}`);
    return fn(arg);
  };
}

/** Apply both fixes to an adapter and to every transaction it starts. */
function patchAdapter(adapter) {
  adapter.queryRaw = traced("queryRaw", queryRawAcceptingChar(adapter));
  adapter.executeRaw = traced("executeRaw", adapter.executeRaw.bind(adapter));
  adapter.executeScript = traced("executeScript", executeWholeScript(adapter));
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const tx = await startTransaction(isolationLevel);
    tx.queryRaw = traced("tx.queryRaw", queryRawAcceptingChar(tx));
    tx.executeRaw = traced("tx.executeRaw", tx.executeRaw.bind(tx));
    return tx;
  };
  return adapter;
}

/**
 * Open an adapter on `url` backed by a pool of ONE connection: PGlite's socket server accepts a
 * single connection by default, and one session also keeps the engine's advisory lock and its
 * queries on the same backend. `onDispose` runs after the pool is closed.
 */
async function openAdapter(url, onDispose = async () => {}) {
  const factory = new PrismaPg(
    { connectionString: url, max: 1 },
    { onPoolError: (err) => log.debug(`pool error: ${err.message}`) },
  );
  const adapter = patchAdapter(await factory.connect());
  const dispose = adapter.dispose.bind(adapter);
  let disposed;
  // Idempotent: the engine disposes what it opened, and we dispose whatever is left at exit.
  adapter.dispose = () => (disposed ??= dispose().finally(onDispose));
  return adapter;
}

/** A fresh database on the target's server, dropped again on dispose. */
async function openTemporaryDatabase(targetUrl) {
  const name = `prisma_migrate_shadow_db_${randomUUID()}`;
  await withClient(targetUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
  log.debug(`created shadow database ${name}`);
  return openAdapter(withDatabase(targetUrl, name), async () => {
    // FORCE (PostgreSQL 13+) in case the server still counts a closing session.
    await withClient(targetUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
    );
    log.debug(`dropped shadow database ${name}`);
  });
}

/** Load PGlite contrib extensions by name; names PGlite does not ship are skipped. */
async function loadPgliteExtensions(names) {
  const extensions = {};
  for (const name of new Set(names)) {
    try {
      const mod = await import(`@electric-sql/pglite/contrib/${name}`);
      if (mod[name]) extensions[name] = mod[name];
    } catch {
      log.debug(`PGlite has no contrib extension ${name}`);
    }
  }
  return extensions;
}

/**
 * A fresh in-memory PGlite. Creating one from scratch runs initdb (5 s and more on a busy machine),
 * and one `migrate dev` asks for several shadow databases. So we keep the data directory of a
 * freshly initialised PGlite as a template, in memory and in node_modules/.cache (keyed by the
 * PGlite version); loading it takes under a second.
 */
let templateDataDir; // Promise<Blob>
async function freshInMemoryPglite(extensionNames) {
  const { PGlite } = await import("@electric-sql/pglite");
  templateDataDir ??= loadOrCreateTemplate(PGlite);
  const extensions = await loadPgliteExtensions(extensionNames);
  return PGlite.create({ loadDataDir: await templateDataDir, extensions });
}

async function loadOrCreateTemplate(PGlite) {
  const pgliteUrl = import.meta.resolve("@electric-sql/pglite");
  const { version } = JSON.parse(await readFile(new URL("../package.json", pgliteUrl), "utf8"));
  const cacheFile = path.join(CACHE_DIR, `pglite-${version}-fresh-datadir.tar`);
  try {
    return new Blob([await readFile(cacheFile)]);
  } catch {
    // not cached yet
  }
  const db = await PGlite.create();
  const dataDir = await db.dumpDataDir("none");
  await db.close();
  try {
    // Write then rename, so a concurrent run never reads half a file.
    await mkdir(CACHE_DIR, { recursive: true });
    const partial = `${cacheFile}.${process.pid}.partial`;
    await writeFile(partial, Buffer.from(await dataDir.arrayBuffer()));
    await rename(partial, cacheFile);
  } catch (err) {
    log.debug(`could not cache the PGlite template: ${err.message}`);
  }
  return dataDir;
}

/**
 * PGlite serves a single database whatever name a client asks for, so a "temporary database" there
 * would be the target itself. Use an in-memory PGlite inside this process instead, exposed through
 * its socket server on a free port so the same adapter code talks to it.
 */
async function openInMemoryPglite(extensionNames) {
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await freshInMemoryPglite(extensionNames);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0 });
  await server.start();
  log.debug(`in-memory PGlite shadow database at ${server.getServerConn()}`);
  return openAdapter(`postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`, async () => {
    await server.stop();
    await db.close();
  });
}

const NO_URL_MESSAGE = "No datasource URL: set DATABASE_URL (read by prisma.config.ts) to run this command.";

/**
 * Stands in for a connection when no URL is configured, so commands that need no database still run
 * (`prisma migrate diff --from-empty --to-schema ...`). The engine probes the server once when it
 * starts; answer that probe as a plain PostgreSQL 15 (our oldest supported server) and fail every
 * other query with a clear message.
 */
function unconfiguredAdapter() {
  const queryRaw = async (query) => {
    if (query.sql.includes("server_version_num")) {
      return {
        columnNames: ["exists", "version", "numeric_version"],
        columnTypes: [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32],
        rows: [[true, "PostgreSQL 15.0 (no datasource configured)", 150000]],
      };
    }
    throw new Error(NO_URL_MESSAGE);
  };
  const fail = async () => {
    throw new Error(NO_URL_MESSAGE);
  };
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    queryRaw,
    executeRaw: fail,
    executeScript: fail,
    startTransaction: fail,
    getConnectionInfo: () => ({ supportsRelationJoins: true }),
    dispose: async () => {},
  };
}

/**
 * The SqlMigrationAwareDriverAdapterFactory for the engine. `url` may be undefined (e.g. `prisma
 * migrate diff --from-empty --to-schema ...` without DATABASE_URL): then only connecting fails.
 */
export class ShimAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  #url;
  #shadowUrl;
  #targetIsPglite; // undefined until known
  #targetExtensions = [];
  #open = new Set();

  constructor({ url, shadowDatabaseUrl } = {}) {
    this.#url = url;
    this.#shadowUrl = shadowDatabaseUrl;
  }

  #requireUrl() {
    if (!this.#url) throw new Error(NO_URL_MESSAGE);
    return this.#url;
  }

  #track(adapter) {
    this.#open.add(adapter);
    const dispose = adapter.dispose;
    adapter.dispose = () => {
      this.#open.delete(adapter);
      return dispose();
    };
    return adapter;
  }

  /** Learn what the target is, through the connection we already hold (PGlite allows only one). */
  async #inspectTarget(adapter) {
    const pool = adapter.underlyingDriver();
    const { rows } = await pool.query("SELECT version() AS version");
    this.#targetIsPglite = isPgliteVersion(rows[0]?.version);
    if (this.#targetIsPglite) {
      const ext = await pool.query("SELECT extname FROM pg_extension WHERE extname <> 'plpgsql'");
      this.#targetExtensions = ext.rows.map((row) => row.extname);
    }
  }

  async connect() {
    // The engine connects as soon as it starts, even for commands that never touch a database.
    if (!this.#url) return unconfiguredAdapter();
    const adapter = this.#track(await openAdapter(this.#requireUrl()));
    if (this.#targetIsPglite === undefined) await this.#inspectTarget(adapter);
    return adapter;
  }

  async connectToShadowDb() {
    if (this.#shadowUrl) return this.#track(await openAdapter(this.#shadowUrl));
    const url = this.#requireUrl();
    if (this.#targetIsPglite === undefined) {
      // No main connection yet (e.g. `migrate diff --from-migrations`): a short one is safe.
      const version = await withClient(url, (client) => client.query("SELECT version() AS version"));
      this.#targetIsPglite = isPgliteVersion(version.rows[0]?.version);
    }
    const adapter = this.#targetIsPglite
      ? await openInMemoryPglite([...DEFAULT_PGLITE_SHADOW_EXTENSIONS, ...this.#targetExtensions])
      : await openTemporaryDatabase(url);
    return this.#track(adapter);
  }

  /** Close whatever the engine left open (pools, shadow databases). */
  async closeAll() {
    await Promise.allSettled([...this.#open].map((adapter) => adapter.dispose()));
  }
}

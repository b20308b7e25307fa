// One schema-engine session: the WASM engine plus our adapter factory, and the translation of the
// native engine's JSON-RPC methods onto the WASM engine's methods.

import { readFile } from "node:fs/promises";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { ShimAdapterFactory } from "./adapter.mjs";
import * as log from "./log.mjs";
import { createDatabase, databaseName, EngineUserError } from "./postgres.mjs";
import { isWasmPanic, loadSchemaEngineWasm, panicRegistry } from "./wasm.mjs";

/** JSON-RPC error code the native engine uses for every error that is not a protocol error. */
const ENGINE_ERROR = 4466;
export const METHOD_NOT_FOUND = -32601;
const NO_FILTERS = { externalTables: [], externalEnums: [] };

const isLostShadowFactory = (err) =>
  String(err?.message).includes("shadow DB must be provided through an external factory");

export class EngineSession {
  #args;
  #factory;
  #boundFactory;
  #engine; // created on the first request, so a process that only answers --version stays cheap
  #print;

  /** `print(content)` sends text to the CLI for stdout (the native engine's `print` request). */
  constructor(args, { print }) {
    this.#args = args;
    this.#print = print;
    this.#factory = new ShimAdapterFactory(args.datasource);
    this.#boundFactory = bindMigrationAwareSqlAdapterFactory(this.#factory);
  }

  async #getEngine() {
    if (this.#engine) return this.#engine;
    const { SchemaEngine } = await loadSchemaEngineWasm();
    // The engine wants `undefined` or a non-empty list of [path, content].
    const datamodels = this.#args.datamodels.length
      ? await Promise.all(this.#args.datamodels.map(async (path) => [path, await readFile(path, "utf8")]))
      : undefined;
    this.#engine = await SchemaEngine.new({ datamodels }, (line) => log.debug(String(line)), this.#boundFactory);
    return this.#engine;
  }

  /** Handle one JSON-RPC request; resolves with its `result`, rejects with an Error. */
  async call(method, params) {
    panicRegistry.message = "";
    switch (method) {
      case "createDatabase":
        return { databaseName: await this.#createDatabase(params) };
      case "getDatabaseVersion":
        return (await this.#getEngine()).version(params ?? undefined);
      case "diff":
        return this.#diff(params);
      case "getDatabaseDescription":
        throw new Error("getDatabaseDescription is not supported by the WASM schema engine shim");
      default:
        break;
    }
    const engine = await this.#getEngine();
    if (typeof engine[method] !== "function" || method === "free") {
      throw Object.assign(new Error(`Method not found: ${method}`), { rpcCode: METHOD_NOT_FOUND });
    }
    try {
      return await engine[method](params);
    } catch (err) {
      if (!isLostShadowFactory(err) || !params?.migrationsList) throw err;
      // Seen after `migrate dev` applied pending migrations in the same session: the engine no
      // longer finds the shadow-database factory. A devDiagnostic call (read-only) restores it.
      log.debug(`${method}: shadow factory lost, running devDiagnostic and retrying once`);
      await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters ?? NO_FILTERS });
      return engine[method](params);
    }
  }

  /** Like the native engine, print the diff through the CLI and return only the exit code. */
  async #diff(params) {
    const { exitCode, stdout } = await (await this.#getEngine()).diff(params);
    if (stdout) await this.#print(stdout.replace(/\n$/, ""));
    return { exitCode, stdout: null };
  }

  async #createDatabase(params) {
    const url = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : this.#args.datasource.url;
    if (!url) throw new EngineUserError("P1012", "No datasource URL: set DATABASE_URL.");
    await createDatabase(url);
    return databaseName(url);
  }

  /**
   * Turn an error from the engine, the adapter or our code into a JSON-RPC error object shaped
   * like the native engine's, which the CLI understands (user-facing `error_code`, or a panic).
   */
  toRpcError(err) {
    if (err?.rpcCode) return { code: err.rpcCode, message: err.message };
    if (isWasmPanic(err)) {
      const message = panicRegistry.message || err.message;
      return {
        code: ENGINE_ERROR,
        message,
        data: { is_panic: true, message, backtrace: err.stack ?? null },
      };
    }
    let message = err?.message ?? String(err);
    // Plain JS errors thrown inside the adapter reach the engine only as `GenericJs { id }` and
    // come back as "External error id#<id>"; the original is in the factory's error registry.
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const original = id && this.#boundFactory.errorRegistry.consumeError(Number(id))?.error;
    if (original?.message) message += `\n${original.message}`;
    const code = typeof err?.code === "string" && /^P\d{4}$/.test(err.code) ? err.code : undefined;
    return {
      code: ENGINE_ERROR,
      message: "An error happened. Check the data field for details.",
      data: { is_panic: false, message, meta: err?.meta ?? {}, ...(code ? { error_code: code } : {}) },
    };
  }

  /** Free the engine and close every connection and shadow database still open. */
  async close() {
    await this.#factory.closeAll();
    try {
      this.#engine?.free();
    } catch {
      // already freed or poisoned by a panic: the process is about to exit anyway
    }
    this.#engine = undefined;
  }
}

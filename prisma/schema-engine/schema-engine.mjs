#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, which cannot be downloaded on our machines.
// prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here; the Prisma CLI then runs this script
// exactly as it would run the binary:
//   - `--version`                      → prints "schema-engine-cli <engine hash>"
//   - `cli can-connect-to-database` / `cli create-database` / `cli drop-database`
//                                      → one-shot commands answered with `pg`, errors as JSON on stderr
//   - anything else                    → JSON-RPC 2.0 server, one JSON object per line on stdin/stdout,
//                                        backed by @prisma/schema-engine-wasm and @prisma/adapter-pg.
// See docs/decisions/0002-offline-migrations.md.

import { readFile } from "node:fs/promises";
import readline from "node:readline";
import { parseArgs } from "./lib/args.mjs";
import { EngineSession } from "./lib/engine.mjs";
import * as log from "./lib/log.mjs";
import { canConnect, createDatabase, dropDatabase, EngineUserError } from "./lib/postgres.mjs";

log.captureNodeWarnings();

/** The engine hash this WASM build was made from (matches @prisma/engines-version of the CLI). */
async function engineHash() {
  const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const { version } = JSON.parse(await readFile(new URL("package.json", glueUrl), "utf8"));
  return version.split(".").at(-1); // "7.10.0-4.<hash>" → "<hash>"
}

/** `cli <command>`: exit 0 on success; on failure an ERROR log line with the Prisma error code. */
async function runCliCommand(command, datasource) {
  // The CLI skips the first stderr line of a `cli` run (the native engine's banner).
  log.info("Starting schema engine CLI (WASM shim)", { git_hash: await engineHash() });
  const commands = {
    "can-connect-to-database": canConnect,
    "create-database": createDatabase,
    "drop-database": dropDatabase,
  };
  try {
    if (!commands[command]) throw new Error(`Unknown cli command: ${command}`);
    if (!datasource.url) throw new EngineUserError("P1012", "No datasource URL: set DATABASE_URL.");
    await commands[command](datasource.url);
    return 0;
  } catch (err) {
    log.error(err.message, err instanceof EngineUserError ? { error_code: err.code } : {});
    return 1;
  }
}

/** The JSON-RPC loop. Requests run one at a time, in order, as the native engine does. */
function serveJsonRpc(args) {
  let nextOutgoingId = 1;
  const pendingOutgoing = new Map(); // our own requests to the CLI (print), by id
  const send = (message) => process.stdout.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);

  const print = (content) =>
    new Promise((resolve) => {
      // Ids of our requests must not collide with the CLI's: keep them negative.
      const id = -nextOutgoingId++;
      pendingOutgoing.set(id, resolve);
      send({ id, method: "print", params: { content } });
    });

  const session = new EngineSession(args, { print });
  let queue = Promise.resolve();

  async function handleRequest({ id, method, params }) {
    try {
      const result = await session.call(method, params);
      send({ id, result: result ?? null });
    } catch (err) {
      log.debug(`${method} failed: ${err?.stack ?? err}`);
      send({ id, error: session.toRpcError(err) });
    }
  }

  let shuttingDown = false;
  async function shutdown(exitCode) {
    if (shuttingDown) return;
    shuttingDown = true;
    // Never hang on cleanup: the CLI has already moved on.
    setTimeout(() => process.exit(exitCode), 10_000).unref();
    await session.close().catch((err) => log.warn(`cleanup failed: ${err.message}`));
    process.exit(exitCode);
  }

  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  lines.on("line", (line) => {
    if (!line.trim()) return;
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      send({ id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method !== undefined && message.id !== undefined) {
      queue = queue.then(() => handleRequest(message));
    } else if (pendingOutgoing.has(message.id)) {
      pendingOutgoing.get(message.id)(message.result);
      pendingOutgoing.delete(message.id);
    }
  });
  // The CLI ends stdin, then kills us right away: clean up (close pools, drop shadow DBs) on both.
  lines.on("close", () => queue.then(() => shutdown(0)));
  process.on("SIGTERM", () => shutdown(0));
  process.on("SIGINT", () => shutdown(130));
  process.stdout.on("error", () => shutdown(0)); // EPIPE: the CLI is gone
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    process.stdout.write(`schema-engine-cli ${await engineHash()}\n`);
    return;
  }
  if (args.cliCommand) {
    process.exitCode = await runCliCommand(args.cliCommand, args.datasource);
    return;
  }
  serveJsonRpc(args);
}

main().catch((err) => {
  log.error(err?.message ?? String(err));
  process.exit(1);
});

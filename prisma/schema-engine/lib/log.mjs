// Log lines in the format of the native schema engine: one JSON object per line on stderr.
// The Prisma CLI reads them: in RPC mode it keeps `fields.message` and remembers the last ERROR
// (shown when the engine exits with code 1); after a failed `cli` command it looks for an ERROR
// line from target `schema_engine::logger` with `fields.error_code` and `fields.message`.

const TARGET = "schema_engine::logger";

/** Write one log line. `fields` must contain `message`; extra keys (e.g. `error_code`) are kept. */
export function log(level, fields) {
  const line = { timestamp: new Date().toISOString(), level, fields, target: TARGET };
  try {
    process.stderr.write(`${JSON.stringify(line)}\n`);
  } catch {
    // stderr closed (the CLI already went away): nothing useful left to do with a log line.
  }
}

export const info = (message, extra = {}) => log("INFO", { message, ...extra });
export const warn = (message, extra = {}) => log("WARN", { message, ...extra });
export const error = (message, extra = {}) => log("ERROR", { message, ...extra });

/** Debug lines only when asked for (PRISMA_SHIM_DEBUG=1), so normal runs stay quiet. */
export function debug(message) {
  if (process.env.PRISMA_SHIM_DEBUG) log("DEBUG", { message });
}

/**
 * Node prints warnings as plain text on stderr; after a failed `cli` command the CLI parses every
 * stderr line but the first as JSON and gives up on the first that is not. Route warnings through
 * the JSON logger instead.
 */
export function captureNodeWarnings() {
  process.removeAllListeners("warning");
  process.on("warning", (w) => warn(`${w.name}: ${w.message}`));
}

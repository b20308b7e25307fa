// Loading @prisma/schema-engine-wasm in plain Node. Its entry file imports the .wasm the bundler way
// (`import * as wasm from "./schema_engine_bg.wasm"`), which Node rejects, so we instantiate the
// module ourselves and hand it to the JS glue, exactly as that entry file would.

import { readFile } from "node:fs/promises";

/**
 * The Rust panic hook reports the panic message through this global before the WASM traps; without
 * it a panic turns into "Cannot read properties of undefined (reading 'set_message')".
 */
class WasmPanicRegistry {
  message = "";
  set_message(value) {
    this.message = String(value);
  }
}

export const panicRegistry = new WasmPanicRegistry();

let glue; // the loaded schema_engine_bg.js module, once initialised

export async function loadSchemaEngineWasm() {
  if (glue) return glue;
  globalThis.PRISMA_WASM_PANIC_REGISTRY = panicRegistry;
  const glueUrl = import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(glueUrl);
  const bytes = await readFile(new URL("schema_engine_bg.wasm", glueUrl));
  const instance = await WebAssembly.instantiate(new WebAssembly.Module(bytes), {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  glue = bindings;
  return glue;
}

/** A trap after a Rust panic surfaces as a WebAssembly RuntimeError (e.g. "unreachable"). */
export function isWasmPanic(err) {
  return err?.name === "RuntimeError";
}

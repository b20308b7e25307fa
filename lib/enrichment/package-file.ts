// Data files shipped inside npm packages (MMDB, CSV), found with Node's own module resolver at run time.
//
// Bundlers rewrite the `require.resolve` / `createRequire` calls they can see. Inside Next's server bundle
// (Turbopack) `createRequire(import.meta.url).resolve("<package>/<file>")` became a stub that always throws
// "expression is too dynamic", so the production build ran without any IP data while every test in plain Node
// passed (issue 9). `process.getBuiltinModule` hands us Node's module API without an import the bundler could trace,
// so files resolve the same way in `next start`, `next dev`, Vitest, tsx scripts and worker threads.
import type * as NodeModule from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const { createRequire } = process.getBuiltinModule("node:module") as unknown as typeof NodeModule;

/** Where to start looking: this source file when the runtime knows it, then the working directory (the app root). */
function resolutionBases(): string[] {
  const bases: string[] = [];
  try {
    if (import.meta.url.startsWith("file:")) bases.push(fileURLToPath(import.meta.url));
  } catch {
    // Not a file URL in this runtime.
  }
  bases.push(path.join(process.cwd(), "package.json"));
  return bases;
}

/** The absolute path of `spec` ("<package>/<file>"), or null when no installed package has it. */
export function resolvePackageFile(spec: string): string | null {
  for (const base of resolutionBases()) {
    try {
      return createRequire(base).resolve(spec);
    } catch {
      // Try the next base.
    }
  }
  return null;
}

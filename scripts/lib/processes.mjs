// Child-process helpers for the start and test scripts: async only, so a parent hosting PGlite never blocks.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Absolute path of a package's CLI entry, run with this Node (no npx, no shell, no wrapper processes). */
export function binPath(pkg, bin) {
  const pkgJsonPath = require.resolve(`${pkg}/package.json`, { paths: [ROOT] });
  const pkgJson = require(pkgJsonPath);
  const rel = typeof pkgJson.bin === "string" ? pkgJson.bin : pkgJson.bin[bin ?? pkg];
  return path.join(path.dirname(pkgJsonPath), rel);
}

/** Runs `node <script> ...args` to completion; rejects with the exit code on failure. */
export function runNode(script, args, { env, label, nodeArgs = [] } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${label ?? path.basename(script)} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

export const prismaCli = () => binPath("prisma", "prisma");
export const nextCli = () => binPath("next", "next");
/** Node flags to run a TypeScript script that uses lib/server outside Next (see register-server-only.mjs). */
export const SERVER_SCRIPT_ARGS = ["--import", "tsx", "--import", "./scripts/lib/register-server-only.mjs"];

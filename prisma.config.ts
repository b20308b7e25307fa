// Prisma 7 configuration, read by every `prisma` CLI command.
// Migrations run through our offline schema-engine shim (docs/decisions/0002-offline-migrations.md).
import { existsSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";

const root = import.meta.dirname;

// Prisma 7 no longer reads .env by itself. Variables already set in the environment win.
const envFile = path.join(root, ".env");
if (existsSync(envFile)) process.loadEnvFile(envFile);

// The native schema engine would be downloaded from Prisma's CDN, which these machines cannot reach:
// the CLI runs this Node script instead (it speaks the same JSON-RPC protocol, backed by the WASM engine).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma/schema-engine/schema-engine.mjs");
// No update checks or telemetry calls to checkpoint.prisma.io (no network here, and nothing to report).
process.env.CHECKPOINT_DISABLE ??= "1";
process.env.PRISMA_HIDE_UPDATE_MESSAGE ??= "1";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "node --import tsx --import ./scripts/lib/register-server-only.mjs prisma/seed.ts",
  },
  // `env("DATABASE_URL")` would throw when it is unset, but `prisma generate` must work without it.
  datasource: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : {},
});

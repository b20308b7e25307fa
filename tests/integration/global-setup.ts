// One fresh database per integration run: a new database on the server named by DATABASE_URL, or an in-memory
// embedded PGlite when none is set. Migrated with the real Prisma CLI, dropped afterwards.
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.mjs";
import { prismaCli, runNode } from "../../scripts/lib/processes.mjs";
import { createScratchDatabase } from "../../scripts/lib/scratch-database.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    dbPoolMax: string;
  }
}

export default async function setup(project: TestProject) {
  let url: string;
  let teardown: () => Promise<void>;
  let poolMax = "5";
  if (process.env.DATABASE_URL) {
    const scratch = await createScratchDatabase(process.env.DATABASE_URL, "hrs_test");
    url = scratch.url;
    teardown = scratch.drop;
  } else {
    const pg = await startEmbeddedPostgres({});
    url = pg.url;
    teardown = pg.stop;
    poolMax = "1";
  }
  try {
    await runNode(prismaCli(), ["migrate", "deploy"], { env: { DATABASE_URL: url, CHECKPOINT_DISABLE: "1" }, label: "prisma migrate deploy" });
  } catch (error) {
    await teardown();
    throw error;
  }
  project.provide("databaseUrl", url);
  project.provide("dbPoolMax", poolMax);
  return teardown;
}

// `npm run db:seed` (any database) and the embedded first start (`--if-empty`). Run through
// scripts/lib/register-server-only.mjs so lib/server's `server-only` guard allows this server-side script.
import { disconnectDb, getDb } from "@/lib/server/db";
import { seedDemoData } from "@/lib/server/demo/seed-demo-data";

async function main() {
  const ifEmpty = process.argv.includes("--if-empty");
  await seedDemoData({ db: getDb(), ifEmpty, log: (m) => console.log(`[seed] ${m}`) });
}

main()
  .then(() => disconnectDb())
  .catch(async (error) => {
    console.error("[seed] failed:", error);
    await disconnectDb();
    process.exit(1);
  });

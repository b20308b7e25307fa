// npm run sanctions:import -- <files...> [--published-at YYYY-MM-DD] [--db <url>]
//
// Imports OFAC's SDN list from files on disk (SDN.XML, or sdn.csv with optional alt.csv and add.csv) into the
// database named by DATABASE_URL (or --db). Same use case as the admin page; it acts as the explicit system actor
// (audited with no user: whoever runs it already holds the database credentials). Run through
// scripts/lib/register-server-only.mjs so lib/server code loads outside Next.
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { isAppError } from "@/lib/errors";
import { disconnectDb } from "@/lib/server/db";
import { importSanctionsList } from "@/lib/server/sanctions/import-sanctions-list";
import { sanctionsListVersion } from "@/lib/server/sanctions/load-sanctions-list";
import { decodeSanctionsFile } from "@/lib/server/sanctions/parse-sanctions-files";
import { MAX_SANCTIONS_FILE_BYTES, sanctionsPublishedAtSchema } from "@/lib/server/sanctions/sanctions-upload-schema";
import { createSystemActor } from "@/lib/server/sanctions/system-actor";

const USAGE = `Usage: npm run sanctions:import -- <files...> [--published-at YYYY-MM-DD] [--db <postgres url>]

  files            SDN.XML, or sdn.csv [alt.csv] [add.csv] as downloaded from sanctionslist.ofac.treas.gov
  --published-at   The date OFAC published the list. The CSV files carry none: without this option the
                   modification date of sdn.csv is used (and printed).
  --db             Database URL (default: DATABASE_URL)`;

class UsageError extends Error {}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { "published-at": { type: "string" }, db: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length === 0) throw new UsageError("Give the list's files.");
  if (values.db) process.env.DATABASE_URL = values.db;
  if (!process.env.DATABASE_URL) throw new UsageError("Set DATABASE_URL or pass --db <url>.");

  const parsedDate = sanctionsPublishedAtSchema.safeParse(values["published-at"]);
  if (!parsedDate.success) throw new UsageError(`--published-at: ${parsedDate.error.issues[0].message}`);
  let publishedAt = parsedDate.data;

  const files: { name: string; content: string }[] = [];
  let sdnCsvModified: Date | null = null;
  for (const p of positionals) {
    const info = await stat(p).catch(() => null);
    if (!info?.isFile()) throw new UsageError(`${p}: no such file`);
    if (info.size > MAX_SANCTIONS_FILE_BYTES) throw new UsageError(`${p} is larger than 50 MB: that is not an OFAC SDN file.`);
    const name = path.basename(p);
    if (/^sdn(?![a-z]).*\.csv$/i.test(name)) sdnCsvModified = info.mtime;
    files.push({ name, content: decodeSanctionsFile(await readFile(p)) });
  }
  if (!publishedAt && sdnCsvModified) {
    publishedAt = new Date(`${sdnCsvModified.toISOString().slice(0, 10)}T00:00:00Z`);
    console.log(`Note: no --published-at given; using the modification date of sdn.csv, ${publishedAt.toISOString().slice(0, 10)}.`);
  }

  const started = performance.now();
  const result = await importSanctionsList({ actor: createSystemActor("sanctions-import CLI"), files, publishedAt });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const version = sanctionsListVersion(result.list);
  const size = `${result.list.entryCount} entries, ${result.list.aliasCount} aliases`;
  if (result.status === "unchanged") console.log(`unchanged: ${version} (${size}) is already the active list; nothing written.`);
  else if (result.status === "reactivated") console.log(`reactivated: ${version} (${size}) was imported before and is active again (${seconds} s).`);
  else console.log(`imported: ${version} — ${size}, ${result.addressCount} addresses, ${result.walletCount} wallet addresses (${seconds} s). It is now the active list.`);
}

main()
  .then(() => disconnectDb())
  .catch(async (error) => {
    // File errors read "sdn.csv line 3: expected 12 columns, found 11"; anything unexpected is shown in full.
    if (error instanceof UsageError) console.error(`${error.message}\n\n${USAGE}`);
    else if (isAppError(error)) console.error(`sanctions import failed: ${error.message}`);
    else console.error("sanctions import failed:", error);
    await disconnectDb();
    process.exit(1);
  });

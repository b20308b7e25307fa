// `npm run audit:verify [-- --db <url>] [-- --pack <file>]`: proves the audit trail is unaltered (ADR 0010).
// Walks the audit_events hash chain in id order, recomputing every hash in Node (lib/audit-chain.ts, never trusting
// the database's own functions), and compares the end of the chain with the chain head. Exits 1 naming the first bad
// event when a row was changed, deleted, inserted out of order or re-ordered — also by a superuser with the triggers
// off. With --pack it checks an exported excerpt (a JSON array of events, or { "events": [...] }) offline instead.
// Database: --db, else DATABASE_URL, else the embedded database in ./.data/pglite (stop the app first).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { z } from "zod";
import { AuditChainWalker, CHAINED_AUDIT_EVENT_COLUMNS, chainedAuditEventFromRow, short, type ChainedAuditEventRow, type ChainProblem } from "../lib/audit-chain";
import { checkEvidencePack, EVIDENCE_PACK_FORMAT } from "../lib/evidence-pack";
import { startEmbeddedPostgres } from "./lib/embedded-postgres.mjs";
import { ROOT } from "./lib/processes.mjs";

const USAGE = `usage: npm run audit:verify [-- --db <postgres url>] [-- --pack <file.json>] [-- --batch <rows>]`;
const BATCH_DEFAULT = 10_000;

function fail(problem: ChainProblem, checked: number): never {
  console.error(`FAIL: audit event ${problem.id}: ${problem.problem}`);
  console.error(`(${checked.toLocaleString("en")} events before it verified)`);
  process.exit(1);
}

function report(count: number, ms: number, head: string) {
  const rate = ms > 0 ? Math.round((count / ms) * 1000) : count;
  console.log(`OK: ${count.toLocaleString("en")} audit events verified in ${(ms / 1000).toFixed(2)} s (${rate.toLocaleString("en")} events/s); ${head}`);
}

// --- evidence pack (offline) -------------------------------------------------------------------------------
const nullableText = z.string().nullable();
const packEventSchema = z.object({
  id: z.string(),
  at: z.string(),
  actorId: nullableText,
  action: z.string(),
  subjectType: z.string(),
  subjectId: nullableText,
  before: nullableText,
  after: nullableText,
  ip: nullableText,
  userAgent: nullableText,
  credential: nullableText,
  prevHash: z.string(),
  hash: z.string(),
});
/** A gap marker: the pack leaves events out here; the next event may link to any hash. */
const packGapSchema = z.object({ gap: z.literal(true), omitted: z.number().int().nonnegative().optional() });
const packSchema = z.union([
  z.array(z.union([packGapSchema, packEventSchema])),
  z.object({ events: z.array(z.union([packGapSchema, packEventSchema])) }).transform((p) => p.events),
]);

function verifyPack(file: string) {
  const started = performance.now();
  let parsed;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
    parsed = packSchema.safeParse(raw);
  } catch (error) {
    console.error(`cannot read ${file}: ${(error as Error).message}`);
    process.exit(2);
  }
  if (!parsed.success) {
    console.error(`${file} is not an audit event pack:\n${z.prettifyError(parsed.error)}`);
    process.exit(2);
  }
  const items = parsed.data;
  // An evidence pack (lib/evidence-pack.ts): its content must hash to what its export event recorded, and its events
  // must be exactly the ones that event listed; then the chain below proves the events themselves.
  const isEvidencePack = typeof raw === "object" && raw !== null && (raw as { format?: unknown }).format === EVIDENCE_PACK_FORMAT;
  if (isEvidencePack) {
    const problems = checkEvidencePack({ ...(raw as { format: unknown; content: unknown; contentSha256: unknown }), events: items });
    if (problems.length) {
      console.error(`${file}: evidence pack does not verify:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
      process.exit(1);
    }
  }
  const first = items.find((i): i is z.infer<typeof packEventSchema> => !("gap" in i));
  // An excerpt starts wherever the pack starts: its first event's prev_hash is taken as given (genesis or not).
  const walker = new AuditChainWalker({ startHash: first?.prevHash ?? null });
  let gaps = 0;
  for (const item of items) {
    if ("gap" in item) {
      walker.gap();
      gaps += 1;
      continue;
    }
    const problem = walker.check(item);
    if (problem) fail(problem, walker.count);
  }
  report(walker.count, performance.now() - started, `${gaps} documented gap(s); last hash ${walker.lastHash ? short(walker.lastHash) : "none"}${isEvidencePack ? "; evidence pack content and event list match its export event" : ""}`);
}

// --- database ----------------------------------------------------------------------------------------------
// Every field as PostgreSQL renders it as text: what the chain hashes (lib/audit-chain.ts).
const PAGE_SQL = `SELECT ${CHAINED_AUDIT_EVENT_COLUMNS} FROM audit_events e WHERE e.id > $1::bigint ORDER BY e.id LIMIT $2`;

async function verifyDatabase(url: string, batch: number) {
  const client = new pg.Client({ connectionString: url, application_name: "audit:verify" });
  await client.connect();
  try {
    // One snapshot for the whole walk, so events committed meanwhile neither break nor extend it.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const started = performance.now();
    const walker = new AuditChainWalker();
    const fetchPage = (after: string) => client.query<ChainedAuditEventRow>({ text: PAGE_SQL, values: [after, batch] });
    let pending: Promise<pg.QueryResult<ChainedAuditEventRow>> | null = fetchPage("0");
    while (pending) {
      const { rows }: pg.QueryResult<ChainedAuditEventRow> = await pending;
      // Ask for the next page before hashing this one: the database and the hashing overlap.
      pending = rows.length === batch ? fetchPage(rows[rows.length - 1].id) : null;
      for (const r of rows) {
        const event = chainedAuditEventFromRow(r);
        const problem = walker.check(event);
        if (problem) {
          await pending?.catch(() => undefined);
          fail(problem, walker.count);
        }
      }
    }
    const head = await client.query<{ last_id: string | null; last_hash: string }>(
      `SELECT last_id::text AS last_id, last_hash FROM audit_chain_head WHERE singleton`,
    );
    await client.query("COMMIT");
    const ms = performance.now() - started;
    const h = head.rows[0];
    if (!h) {
      console.error("FAIL: the audit chain head row is missing");
      process.exit(1);
    }
    if (h.last_id !== walker.lastEventId || h.last_hash !== (walker.lastHash ?? h.last_hash)) {
      const id = h.last_id ?? "none";
      console.error(
        `FAIL: audit event ${id}: the chain head names event ${id} (${short(h.last_hash)}) as the last, but the log ends at ${walker.lastEventId ?? "no event"}${walker.lastHash ? ` (${short(walker.lastHash)})` : ""}: events were removed from the end or added around the chain`,
      );
      process.exit(1);
    }
    report(walker.count, ms, walker.lastEventId ? `chain head: event ${walker.lastEventId}, ${walker.lastHash}` : "the log is empty");
  } finally {
    await client.end().catch(() => undefined);
  }
}

const { values } = parseArgs({
  options: { db: { type: "string" }, pack: { type: "string" }, batch: { type: "string" }, help: { type: "boolean", short: "h" } },
  strict: true,
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const batch = values.batch ? Number(values.batch) : BATCH_DEFAULT;
if (!Number.isInteger(batch) || batch < 1 || batch > 1_000_000) {
  console.error(`--batch must be a whole number from 1 to 1000000\n${USAGE}`);
  process.exit(2);
}

if (values.pack) {
  verifyPack(values.pack);
} else {
  const url = values.db ?? process.env.DATABASE_URL;
  if (url) {
    await verifyDatabase(url, batch);
  } else {
    const dataDir = path.join(ROOT, ".data/pglite");
    if (!existsSync(dataDir)) {
      console.error(`No database: pass --db <url>, set DATABASE_URL, or run from the app folder with ./.data/pglite.\n${USAGE}`);
      process.exit(2);
    }
    const embedded = await startEmbeddedPostgres({ dataDir });
    try {
      await verifyDatabase(embedded.url, batch);
    } finally {
      await embedded.stop();
    }
  }
}

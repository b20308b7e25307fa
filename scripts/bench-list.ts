// `npm run bench:list`: candidate-list queries (search, filters, sorts, deep keyset pages) on a database with many
// candidates — by default the 1M-candidate linkage benchmark database (scripts/bench/seed-linkage.ts), migrated.
// Prints p50/p95 per query shape over repeated runs. Run after `npm run bench:enrich` has seeded that database.
const url = process.argv.includes("--db") ? process.argv[process.argv.indexOf("--db") + 1] : "postgresql://postgres@127.0.0.1:5432/hrs_bench_linkage";
process.env.DATABASE_URL = url;
process.env.DB_POOL_MAX = "2";

const { listCandidates } = await import("../lib/server/candidates/list-candidates");
const { getDb, disconnectDb } = await import("../lib/server/db");
const { candidateListQuerySchema } = await import("../lib/schemas/candidate");

const total = await getDb().candidate.count();
const sample = await getDb().candidate.findMany({ take: 50, skip: Math.floor(total / 2), select: { fullName: true, email: true } });
const actor = { id: "00000000-0000-0000-0000-000000000000", email: "bench@localhost", name: "bench", role: "SECURITY" as const };

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

async function measure(label: string, make: (i: number) => Record<string, unknown>, runs = 40) {
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const query = candidateListQuerySchema.parse(make(i));
    const t = performance.now();
    await listCandidates({ actor, query });
    if (i >= 5) times.push(performance.now() - t);
  }
  console.log(`| ${label} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} |`);
}

console.log(`candidates: ${total.toLocaleString("en")}\n`);
console.log("| query (25 rows) | p50 ms | p95 ms |\n|---|---:|---:|");
await measure("newest first, first page", () => ({}));
let cursor: string | undefined;
for (let i = 0; i < 200; i++) {
  const page = await listCandidates({ actor, query: candidateListQuerySchema.parse({ cursor }) });
  cursor = page.nextCursor ?? undefined;
}
const deep = cursor;
await measure("newest first, page 200 (keyset)", () => ({ cursor: deep }));
await measure("highest risk first", () => ({ sort: "risk" }));
await measure("band = CRITICAL", () => ({ band: "CRITICAL" }));
await measure("indicator = LNK-01", () => ({ indicator: "LNK-01" }));
await measure("stage = APPLICATION, added in a 30-day window", () => ({ stage: "APPLICATION", from: "2026-10-01", to: "2026-10-31" }));
await measure("search: name fragment", (i) => ({ q: sample[i % sample.length].fullName.split(" ")[1] ?? sample[i % sample.length].fullName }));
await measure("search: full name", (i) => ({ q: sample[i % sample.length].fullName }));
await measure("search: exact email", (i) => ({ q: sample[i % sample.length].email }));
await measure("search: phone number", (i) => ({ q: `+1 555 01${String(i % 100).padStart(2, "0")}` }));
await disconnectDb();

// Top-level await needs a module.
export {};

// `npm run bench:review`: the security-review read paths at scale. Today: the cluster query (two hops over shared
// identifiers, fan-out capped) on the 1M-candidate linkage database (scripts/bench/seed-linkage.ts: 1 % of
// candidates in fraud clusters of ten, 30 % of IPs from a shared carrier-NAT pool). Prints p50/p95 for cluster
// members and for ordinary candidates, measured in the same run. Seed first: `npx tsx scripts/bench/seed-linkage.ts`.
// Then the review queue (scripts/bench/review-queue.ts) when the database has review cases: on a migrated copy,
// `npx tsx scripts/bench/seed-review-cases.ts --db <url>` adds 100,000 open and 50,000 closed cases.
const url = process.argv.includes("--db") ? process.argv[process.argv.indexOf("--db") + 1] : "postgresql://postgres@127.0.0.1:5432/hrs_bench_linkage";
process.env.DATABASE_URL = url;
process.env.DB_POOL_MAX = "2";

const { getDb, disconnectDb } = await import("../lib/server/db");
const { clusterOf } = await import("../lib/server/linkage/get-candidate-cluster");
const os = await import("node:os");

export {};

const db = getDb();
const total = await db.candidate.count();
if (total === 0) throw new Error(`no candidates in ${url}: run npx tsx scripts/bench/seed-linkage.ts first`);

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

// Fraud-cluster members share a phone, device, ship-to or bank account with nine others; ordinary candidates share
// little beyond a carrier-NAT IP (listed, not followed, once it is shared by more than the fan-out limit).
const members = await db.$queryRawUnsafe<{ id: string }[]>(
  `SELECT DISTINCT x.candidate_id::text AS id FROM candidate_identifiers x WHERE x.kind = 'DEVICE' AND x.value IN (
     SELECT value FROM candidate_identifiers WHERE kind = 'DEVICE' GROUP BY value HAVING count(*) BETWEEN 3 AND 20 LIMIT 60) LIMIT 200`,
);
const ordinary = await db.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text FROM candidates TABLESAMPLE SYSTEM (0.1) LIMIT 200`);

async function measure(label: string, ids: string[]) {
  const times: number[] = [];
  let nodes = 0;
  for (let i = 0; i < ids.length + 10; i++) {
    const id = ids[i % ids.length];
    const t = performance.now();
    const cluster = await db.$transaction((tx) => clusterOf(tx, id, 2, 25, 150));
    if (i >= 10) {
      times.push(performance.now() - t);
      nodes += cluster.candidates.length;
    }
  }
  console.log(`| ${label} | ${ids.length} | ${(nodes / (ids.length)).toFixed(1)} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} |`);
  return pct(times, 95);
}

console.log(`bench:review — ${total.toLocaleString("en")} candidates, Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}\n`);
console.log("| cluster query (2 hops, fan-out ≤ 25, ≤ 150 nodes) | roots | mean nodes | p50 ms | p95 ms |\n|---|---:|---:|---:|---:|");
const p95a = await measure("fraud-cluster members", members.map((r) => r.id));
const p95b = await measure("ordinary candidates", ordinary.map((r) => r.id));
console.log(`\ncluster p95 ${Math.max(p95a, p95b).toFixed(1)} ms (goal ≤ 50 ms): ${Math.max(p95a, p95b) <= 50 ? "met" : "missed"}`);
// The review queue, when the database has review cases (scripts/bench/seed-review-cases.ts).
const { benchReviewQueue } = await import("./bench/review-queue");
await benchReviewQueue();
await disconnectDb();

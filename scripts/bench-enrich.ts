// Enrichment benchmark: `npx tsx scripts/bench-enrich.ts` (or `npm run bench:enrich`).
// Prints IP lookups/s, phone parses/s, sanctions screening p50/p95/p99 per name (indexed vs a naive full-scan
// Jaro-Winkler over the same list) and process memory before/after loading all data.
// Targets: sanctions p95 ≤ 1 ms per name; memory added by all enrichment data ≤ 400 MB.
import { mulberry32 } from "../lib/engine/testing/generate-facts";
import { existsSync, readFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

import { jaroWinkler } from "@skyra/jaro-winkler";

import { enrichEmail } from "../lib/enrichment/email";
import { lookupIp, preloadIpData } from "../lib/enrichment/ip";
import { resolveClaimedTimeZone } from "../lib/enrichment/location-time";
import { enrichPhone } from "../lib/enrichment/phone";
import { buildSanctionsIndex, normaliseName, parseOfacCsv, type SanctionsList } from "../lib/enrichment/sanctions";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const repoRoot = path.resolve(import.meta.dirname, "..");
const REAL_LIST_DIR = path.resolve(repoRoot, "../shared/data/ofac-sdn-2021");

/** Deterministic pseudo-random numbers (the engine factories' mulberry32), so every run measures the same inputs. */
const rng = mulberry32;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function memory() {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20, external: (m.external + m.arrayBuffers) / 2 ** 20 };
}

const fmt = (n: number, digits = 1) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** A synthetic list the size of the 2021 one (8,976 entries, ~11.9k aliases) for machines without the shared folder. */
function generatedList(): SanctionsList {
  const r = rng(42);
  const syllables = ["kim", "park", "lee", "jong", "song", "hwa", "sang", "man", "ali", "hassan", "maria", "ivan", "petro",
    "sergei", "ahmad", "omar", "chen", "wei", "li", "garcia", "lopez", "nova", "tek", "star", "silver", "trade", "global",
    "karim", "yusuf", "rahman", "vlad", "olga", "dmitri", "hamid", "reza", "farid", "tariq", "zhang", "liu", "huang"];
  const word = () => {
    const n = 1 + Math.floor(r() * 3);
    let w = "";
    for (let i = 0; i < n; i++) w += syllables[Math.floor(r() * syllables.length)];
    return w.toUpperCase();
  };
  const entries: SanctionsList["entries"] = [];
  let altNum = 1;
  for (let i = 0; i < 8976; i++) {
    const individual = r() < 0.51;
    const name = individual ? `${word()}, ${word()} ${word()}` : `${word()} ${word()} ${r() < 0.5 ? "TRADING" : "GROUP"} CO., LTD.`;
    const aliases = Array.from({ length: r() < 0.6 ? Math.floor(r() * 4) : 0 }, () => ({
      altNum: altNum++, type: "aka" as const, name: individual ? `${word()}, ${word()}` : `${word()} ${word()}`, strength: null,
    }));
    entries.push({ entNum: i + 1, name, type: individual ? "individual" : "entity", programs: ["SDGT"], title: null, remarks: null,
      aliases, addresses: [], digitalCurrencyAddresses: [], datesOfBirth: [], idNumbers: [] });
  }
  return { source: "ofac-csv", publishedAt: null, entries };
}

function loadList(): { list: SanctionsList; label: string } {
  if (existsSync(REAL_LIST_DIR)) {
    const r = (f: string) => readFileSync(path.join(REAL_LIST_DIR, f), "utf8");
    return { list: parseOfacCsv({ sdn: r("sdn.csv"), alt: r("alt.csv"), add: r("add.csv") }), label: "real 2021 OFAC list" };
  }
  return { list: generatedList(), label: "generated list of the 2021 size (shared folder absent)" };
}

function timeIt(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

/** CPU time (user + system) of fn in ms: unaffected by other processes competing for the cores. */
function cpuIt(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
}

function main() {
  const [load1] = loadavg();
  console.log(`Load average (1 min) at start: ${load1.toFixed(2)} on ${cpus().length} cores — wall-clock figures suffer when it exceeds the core count; CPU-time figures do not.`);
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  const before = memory();

  // ── Load all data ────────────────────────────────────────────────────────────────────────────────
  const loadMs: Record<string, number> = {};
  loadMs.ip = timeIt(() => {
    const status = preloadIpData();
    if (status.errors.length) console.log("IP data errors:", status.errors);
  });
  let listInfo!: ReturnType<typeof loadList>;
  loadMs.sanctionsParse = timeIt(() => (listInfo = loadList()));
  let index!: ReturnType<typeof buildSanctionsIndex>;
  loadMs.sanctionsIndex = timeIt(() => (index = buildSanctionsIndex(listInfo.list)));
  loadMs.phoneEmailPlaces = timeIt(() => {
    enrichPhone("+44 20 7946 0958");
    enrichEmail("x@mailinator.com");
    resolveClaimedTimeZone({ city: "Honolulu" });
  });
  const after = memory();

  // ── IP lookups ───────────────────────────────────────────────────────────────────────────────────
  const r = rng(7);
  const ips: string[] = [];
  for (let i = 0; i < 200_000; i++) {
    ips.push([1 + Math.floor(r() * 222), Math.floor(r() * 256), Math.floor(r() * 256), 1 + Math.floor(r() * 254)].join("."));
  }
  for (let i = 0; i < 2000; i++) lookupIp(ips[i]); // warm-up
  const ipMs = timeIt(() => {
    for (const ip of ips) lookupIp(ip);
  });

  // ── Phone parses ─────────────────────────────────────────────────────────────────────────────────
  const phoneSamples: [string, string | undefined][] = [
    ["+44 56 1234 5678", undefined], ["+31 85 123 4567", undefined], ["(212) 555-0123", "US"], ["020 7946 0958", "GB"],
    ["+82 10 1234 5678", undefined], ["+49 30 123456", undefined], ["+1 415 555 2671", undefined], ["090-1234-5678", "JP"],
  ];
  const phones = Array.from({ length: 50_000 }, (_, i) => phoneSamples[i % phoneSamples.length]);
  for (let i = 0; i < 1000; i++) enrichPhone(phones[i][0], { claimedCountry: phones[i][1] });
  const phoneMs = timeIt(() => {
    for (const [n, c] of phones) enrichPhone(n, { claimedCountry: c });
  });

  // ── Sanctions screening ──────────────────────────────────────────────────────────────────────────
  // Query mix: a third listed names as written, a third listed names with one typo, a third common names
  // that should not hit (the usual case in production).
  const q = rng(11);
  const listed = listInfo.list.entries.flatMap((e) => [e.name, ...e.aliases.map((a) => a.name)]);
  const common = ["John Smith", "Kim Min-jun", "Li Wei", "Maria Garcia", "Park Ji-hoon", "Wang Fang", "Mohammed Ali",
    "Priya Sharma", "Olga Ivanova", "Ahmed Hassan", "Nguyen Van Anh", "Jose Rodriguez", "Acme Staffing LLC", "Chen Jing"];
  const queries: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const name = listed[Math.floor(q() * listed.length)];
    if (i % 3 === 0) queries.push(name);
    else if (i % 3 === 1) {
      const pos = 1 + Math.floor(q() * Math.max(1, name.length - 2));
      queries.push(name.slice(0, pos) + "x" + name.slice(pos + 1));
    } else queries.push(common[i % common.length]);
  }
  for (const name of queries) index.screenName(name); // warm-up pass (JIT), then measured passes
  const screenTimes = queries.map((name) => timeIt(() => index.screenName(name))).sort((a, b) => a - b);
  const screenCpu = queries.map((name) => cpuIt(() => index.screenName(name))).sort((a, b) => a - b);

  // Naive baseline: Jaro-Winkler of the whole normalised query against every normalised listed name.
  const listedNormalised = listed.map((n) => normaliseName(n).normalised);
  const naiveQueries = queries.slice(0, 200);
  const naiveScan = (name: string) => {
    const nq = normaliseName(name).normalised;
    let hits = 0;
    for (const l of listedNormalised) if (jaroWinkler(nq, l) >= 0.88) hits++;
    if (hits < 0) throw new Error("unreachable");
  };
  const naiveTimes = naiveQueries.map((name) => timeIt(() => naiveScan(name))).sort((a, b) => a - b);
  const naiveCpu = naiveQueries.map((name) => cpuIt(() => naiveScan(name))).sort((a, b) => a - b);

  // ── Report ───────────────────────────────────────────────────────────────────────────────────────
  const p = (a: number[], n: number) => fmt(percentile(a, n), 3);
  console.log("\nData load (ms):", Object.fromEntries(Object.entries(loadMs).map(([k, v]) => [k, Math.round(v)])));
  console.log(`Memory before: RSS ${fmt(before.rss)} MB, heap ${fmt(before.heap)} MB, external+buffers ${fmt(before.external)} MB`);
  console.log(`Memory after:  RSS ${fmt(after.rss)} MB, heap ${fmt(after.heap)} MB, external+buffers ${fmt(after.external)} MB`);
  console.log(`Memory added:  RSS ${fmt(after.rss - before.rss)} MB (target ≤ 400 MB), heap ${fmt(after.heap - before.heap)} MB`);
  console.log(`\nIP lookups: ${fmt(ips.length / (ipMs / 1000), 0)} /s (${ips.length.toLocaleString()} random IPv4, city+country+ASN+class)`);
  console.log(`Phone parses: ${fmt(phones.length / (phoneMs / 1000), 0)} /s (libphonenumber-js/max, with getType)`);
  console.log(`\nSanctions list: ${listInfo.label}: ${index.entryCount.toLocaleString()} entries, ${index.formCount.toLocaleString()} indexed name forms`);
  console.log(`Indexed screening, ${screenTimes.length} names (⅓ listed, ⅓ listed with a typo, ⅓ common non-listed), target p95 ≤ 1 ms:`);
  console.log(`  wall clock: p50 ${p(screenTimes, 50)} ms, p95 ${p(screenTimes, 95)} ms, p99 ${p(screenTimes, 99)} ms`);
  console.log(`  CPU time:   p50 ${p(screenCpu, 50)} ms, p95 ${p(screenCpu, 95)} ms, p99 ${p(screenCpu, 99)} ms`);
  console.log(`Naive full-scan JW over the same ${listedNormalised.length.toLocaleString()} names, ${naiveTimes.length} queries:`);
  console.log(`  wall clock: p50 ${p(naiveTimes, 50)} ms, p95 ${p(naiveTimes, 95)} ms; CPU time: p50 ${p(naiveCpu, 50)} ms, p95 ${p(naiveCpu, 95)} ms`);
  console.log(`Ratio naive/indexed (CPU time): p50 ×${fmt(percentile(naiveCpu, 50) / percentile(screenCpu, 50))}, p95 ×${fmt(percentile(naiveCpu, 95) / percentile(screenCpu, 95))}`);

  benchLinkagePostgres();
}

// ── Postgres linkage at 1M candidates ────────────────────────────────────────────────────────────────
// Seeds (once) the scratch database hrs_bench_linkage on the server named by DATABASE_URL (default: the local
// PostgreSQL) with N candidates (scripts/bench/seed-linkage.ts; `--linkage-n N`, default 1,000,000), then times the
// real findCandidateLinks (lib/server) for random candidates and for fraud-cluster members. Skipped with a message
// when no server answers. lib/server is `server-only`, so the hook that lets it load outside Next is registered
// here before it is imported: plain `npx tsx scripts/bench-enrich.ts` works.
async function benchLinkagePostgres(): Promise<void> {
  const argIndex = process.argv.indexOf("--linkage-n");
  const n = argIndex >= 0 ? Number(process.argv[argIndex + 1]) : 1_000_000;
  const serverUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const shownServer = (() => {
    const u = new URL(serverUrl);
    u.password = "";
    return `${u.host}`;
  })();
  console.log(`\nPostgres linkage (findCandidateLinks at N = ${n.toLocaleString("en-US")} candidates), target p95 ≤ 10 ms:`);
  try {
    const { ensureLinkageBenchDatabase, probeServer } = await import("./bench/linkage-database");
    const problem = await probeServer(serverUrl);
    if (problem) {
      console.log(`  skipped: no PostgreSQL server answers at ${shownServer} (${problem}). Set DATABASE_URL to a PostgreSQL server to run it.`);
      return;
    }
    const bench = await ensureLinkageBenchDatabase({ serverUrl, n, log: (m) => console.log(`  ${m}`) });
    if (bench.reused) console.log(`  reusing database ${bench.name} on ${shownServer}: already seeded with N = ${n.toLocaleString("en-US")}`);
    else {
      const { seed } = bench;
      console.log(`  seeded database ${bench.name} on ${shownServer} in ${fmt(seed.seconds)} s: ${seed.candidates.toLocaleString("en-US")} candidates, ` +
        `${seed.identifiers.toLocaleString("en-US")} identifier rows, ${seed.resumes.toLocaleString("en-US")} résumé rows (left in place for later runs)`);
    }

    process.env.DATABASE_URL = bench.url;
    process.env.DB_POOL_MAX = "1"; // one backend, so its CPU time can be read from /proc (same host)
    await import(new URL("./lib/register-server-only.mjs", import.meta.url).href);
    const { getDb, disconnectDb } = await import("../lib/server/db");
    const { findCandidateLinks } = await import("../lib/server/linkage/find-candidate-links");
    const db = getDb();
    try {
      const r = rng(2026);
      const pickIds = async (count: number, member: (i: number) => number) => {
        const externalIds = Array.from({ length: count }, () => `bench-${member(1 + Math.floor(r() * n))}`);
        const rows = await db.candidate.findMany({ where: { externalId: { in: externalIds } }, select: { id: true } });
        return rows.map((row) => row.id).sort(() => r() - 0.5);
      };
      const clusterMember = (i: number) => Math.min(n - 93, i - (i % 100)) + 7; // i % 100 = 7: fraud clusters
      const warmUp = await pickIds(100, (i) => i);
      const randomIds = await pickIds(1000, (i) => i);
      const clusterIds = await pickIds(300, clusterMember);
      for (const candidateId of warmUp) await findCandidateLinks(db, { candidateId });

      // CPU time of the backend serving us (Linux /proc, server on this host; clock ticks of 10 ms), or null.
      const backendCpuMs = async (): Promise<{ pid: number; ms: number } | null> => {
        const [{ pid }] = await db.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
        try {
          const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
          const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
          return { pid, ms: (Number(fields[11]) + Number(fields[12])) * 10 };
        } catch {
          return null;
        }
      };
      const measure = async (ids: string[]) => {
        const server0 = await backendCpuMs();
        const client0 = process.cpuUsage();
        const times: number[] = [];
        let withLinks = 0;
        let resumeHits = 0;
        let shared = 0;
        for (const candidateId of ids) {
          const t0 = performance.now();
          const links = await findCandidateLinks(db, { candidateId });
          times.push(performance.now() - t0);
          shared += links.sharedIdentifiers.length;
          resumeHits += links.nearDuplicateResumes.length;
          if (links.sharedIdentifiers.length || links.sharedShipTo || links.nearDuplicateResumes.length) withLinks++;
        }
        const client = process.cpuUsage(client0);
        const server1 = await backendCpuMs();
        const clientMs = (client.user + client.system) / 1000 / ids.length;
        const serverMs = server0 && server1 && server0.pid === server1.pid ? (server1.ms - server0.ms) / ids.length : null;
        times.sort((a, b) => a - b);
        const p = (q: number) => fmt(percentile(times, q), 2);
        const cpu = `mean CPU per call: Node ${fmt(clientMs, 2)} ms + PostgreSQL backend ${serverMs === null ? "n/a (server not on this host)" : `${fmt(serverMs, 2)} ms`}`;
        return { line: `wall clock p50 ${p(50)} ms, p95 ${p(95)} ms, p99 ${p(99)} ms, max ${fmt(times[times.length - 1], 2)} ms; ${cpu}`, withLinks, shared, resumeHits, count: ids.length };
      };
      const loadBefore = loadavg()[0];
      const random = await measure(randomIds);
      const cluster = await measure(clusterIds);
      console.log(`  load average (1 min) ${loadBefore.toFixed(2)} → ${loadavg()[0].toFixed(2)} on ${cpus().length} cores (the server shares them: wall clock only)`);
      console.log(`  ${random.count} random candidates: ${random.line}`);
      console.log(`    (${random.withLinks} with a shared identifier, ship-to or résumé; ${random.shared} shared identifiers, ${random.resumeHits} near-duplicate résumés)`);
      console.log(`  ${cluster.count} fraud-cluster members: ${cluster.line}`);
      console.log(`    (${cluster.withLinks} with links; ${cluster.shared} shared identifiers, ${cluster.resumeHits} near-duplicate résumés)`);
      console.log("  Through Prisma (adapter-pg) on one connection, two SQL queries per call, plus the exact Jaccard in JS. CPU time is");
      console.log("  unaffected by other processes competing for the cores; wall clock is what a screening waits for on an idle machine only.");
    } finally {
      await disconnectDb();
    }
  } catch (error) {
    console.log(`  failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

main();

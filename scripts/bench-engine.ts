/**
 * npm run bench:engine
 *
 * 1. The full default ruleset over 10,000 generated fact sets (median of several runs).
 * 2. A 15-rule subset covering every category in our engine, GoRules ZEN and json-rules-engine on the same inputs:
 *    checks that all three fire the same rules for every input, then prints each one's throughput and the ratios.
 *
 * Throughput is reported two ways: wall clock, and per CPU-second of this process (user + system, all threads).
 * The second is the fair "one core" figure on a shared machine, and it charges ZEN for its worker threads.
 */
import os from "node:os";
import { defaultRuleset, ENGINE_VERSION, evaluate, ruleRegistry, type Facts } from "../lib/engine";
import { generateFacts } from "../lib/engine/testing/generate-facts";
import { FIXED_AS_OF, makeFacts } from "../lib/engine/testing/make-facts";
import { createJsonRulesEngine, firedFromJre } from "./bench/engine-jre";
import { firedPlain } from "./bench/engine-plain";
import { SUBSET_RULE_IDS, subsetRuleset } from "./bench/engine-subset";
import { createZenDecision, firedFromZen } from "./bench/engine-zen";

const N = Number(process.env.BENCH_N ?? 10_000);
const RUNS_FAST = Number(process.env.BENCH_RUNS ?? 9);
const RUNS_SLOW = Number(process.env.BENCH_SLOW_RUNS ?? 5);
const asOf = FIXED_AS_OF;

interface Measured {
  wall: number;
  cpu: number;
  runs: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function measure(runs: number, once: () => void | Promise<void>): Promise<Measured> {
  await once(); // warm-up
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await once();
    const seconds = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    wall.push(N / seconds);
    cpu.push(N / ((c.user + c.system) / 1e6));
  }
  return { wall: median(wall), cpu: median(cpu), runs };
}

const fmt = (x: number) => Math.round(x).toLocaleString("en-US");
const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}×`;

async function main() {
  const load = os.loadavg().map((x) => x.toFixed(2)).join(" ");
  console.log(`Engine benchmark — engine ${ENGINE_VERSION}, Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model.trim()}), load average ${load}`);
  console.log(`Date: ${new Date().toISOString()}`);
  console.log(`Generating ${fmt(N)} fact sets (seeded; validated with factsSchema outside the timed loops)…`);
  const facts: Facts[] = generateFacts(N);

  // ── 1. Full default ruleset ────────────────────────────────────────────────────────────────────────────────
  let sink = 0;
  const bands: Record<string, number> = {};
  for (const f of facts) {
    const a = evaluate(f, defaultRuleset, { asOf });
    bands[a.band] = (bands[a.band] ?? 0) + 1;
  }
  const full = await measure(RUNS_FAST, () => {
    for (let i = 0; i < facts.length; i++) sink += evaluate(facts[i], defaultRuleset, { asOf }).score;
  });
  console.log("");
  console.log(`Full default ruleset (${ruleRegistry.length} rules, full assessment with evidence, scoring and steps):`);
  console.log(`  ${fmt(full.wall)} profiles/s wall clock, ${fmt(full.cpu)} profiles per CPU-second (median of ${full.runs} runs)`);
  console.log(`  bands: ${Object.entries(bands).map(([b, n]) => `${b} ${n}`).join(", ")}`);
  const clean = makeFacts();
  const cleanRepeated = await measure(RUNS_FAST, () => {
    for (let i = 0; i < N; i++) sink += evaluate(clean, defaultRuleset, { asOf }).score;
  });
  console.log(`  one typical clean profile evaluated ${fmt(N)} times (cache-resident): ${fmt(cleanRepeated.wall)} profiles/s wall, ${fmt(cleanRepeated.cpu)} per CPU-second`);

  // ── 2. Subset in three engines ─────────────────────────────────────────────────────────────────────────────
  const subset = subsetRuleset();
  const { engine: zenEngine, decision } = createZenDecision();
  const jre = createJsonRulesEngine();

  // Agreement on every input.
  let firings = 0;
  const perRule: Record<string, number> = Object.fromEntries(SUBSET_RULE_IDS.map((id) => [id, 0]));
  const disagreements: string[] = [];
  const ours: string[][] = facts.map((f) => evaluate(f, subset, { asOf }).hits.map((h) => h.ruleId).sort());
  const zen = await Promise.all(facts.map(async (f) => firedFromZen((await decision.evaluate(f)).result).sort()));
  for (let i = 0; i < facts.length; i++) {
    const j = (await firedFromJre(jre, facts[i])).sort();
    const plain = firedPlain(facts[i]).sort();
    const a = ours[i].join(",");
    if (a !== zen[i].join(",") || a !== j.join(",") || a !== plain.join(","))
      disagreements.push(`#${i}: ours [${a}] zen [${zen[i].join(",")}] json-rules-engine [${j.join(",")}] plain [${plain.join(",")}]`);
    firings += ours[i].length;
    for (const id of ours[i]) perRule[id]++;
  }
  console.log("");
  console.log(`Subset: ${SUBSET_RULE_IDS.length} rules covering all 7 categories.`);
  if (disagreements.length) {
    console.error(`Agreement check FAILED on ${disagreements.length} of ${fmt(N)} inputs:`);
    for (const d of disagreements.slice(0, 10)) console.error(`  ${d}`);
    process.exitCode = 1;
    zenEngine.dispose();
    return;
  }
  const neverFired = SUBSET_RULE_IDS.filter((id) => perRule[id] === 0);
  console.log(`Agreement check passed: all three engines (and the plain-JS reference) fire the same rules on all ${fmt(N)} inputs (${fmt(firings)} firings; every rule fired ${neverFired.length ? `EXCEPT ${neverFired.join(", ")}` : `at least ${Math.min(...Object.values(perRule))} times`}).`);

  const oursSubset = await measure(RUNS_FAST, () => {
    for (let i = 0; i < facts.length; i++) sink += evaluate(facts[i], subset, { asOf }).score;
  });
  const plainSubset = await measure(RUNS_FAST, () => {
    for (let i = 0; i < facts.length; i++) sink += firedPlain(facts[i]).length;
  });

  // ZEN: one awaited call at a time, and with many evaluations in flight (the binding runs them off the JS thread).
  const zenModes: { label: string; m: Measured }[] = [];
  zenModes.push({
    label: "ZEN, one awaited call at a time",
    m: await measure(RUNS_SLOW, async () => {
      for (let i = 0; i < facts.length; i++) sink += (await decision.evaluate(facts[i])).result ? 1 : 0;
    }),
  });
  for (const inFlight of [64, 512, N]) {
    zenModes.push({
      label: `ZEN, ${inFlight === N ? "all" : inFlight} in flight`,
      m: await measure(RUNS_SLOW, async () => {
        for (let i = 0; i < facts.length; i += inFlight) {
          const batch = [];
          for (let k = i; k < Math.min(facts.length, i + inFlight); k++) batch.push(decision.evaluate(facts[k]));
          sink += (await Promise.all(batch)).length;
        }
      }),
    });
  }
  const jreModes: { label: string; m: Measured }[] = [];
  jreModes.push({
    label: "json-rules-engine, one awaited run at a time",
    m: await measure(RUNS_SLOW, async () => {
      for (let i = 0; i < facts.length; i++) sink += (await jre.run({ p: facts[i] })).events.length;
    }),
  });
  jreModes.push({
    label: "json-rules-engine, 64 in flight",
    m: await measure(RUNS_SLOW, async () => {
      for (let i = 0; i < facts.length; i += 64) {
        const batch = [];
        for (let k = i; k < Math.min(facts.length, i + 64); k++) batch.push(jre.run({ p: facts[k] }));
        sink += (await Promise.all(batch)).length;
      }
    }),
  });
  zenEngine.dispose();

  const bestZen = zenModes.reduce((a, b) => (b.m.wall > a.m.wall ? b : a));
  const bestJre = jreModes.reduce((a, b) => (b.m.wall > a.m.wall ? b : a));
  const rows: [string, Measured][] = [
    ["ours (lib/engine, full assessment)", oursSubset],
    ["reference: hand-written JS predicates (no evidence, no scoring)", plainSubset], ...zenModes.map((z) => [z.label, z.m] as [string, Measured]), ...jreModes.map((j) => [j.label, j.m] as [string, Measured])];
  console.log("");
  console.log("| engine (subset, same inputs) | profiles/s (wall, median) | profiles per CPU-second | ours ÷ this (wall) | ours ÷ this (CPU) |");
  console.log("|---|---:|---:|---:|---:|");
  for (const [label, m] of rows) console.log(`| ${label} | ${fmt(m.wall)} | ${fmt(m.cpu)} | ${ratio(oursSubset.wall, m.wall)} | ${ratio(oursSubset.cpu, m.cpu)} |`);
  console.log("");
  const vsZen = oursSubset.wall / bestZen.m.wall;
  const vsJre = oursSubset.wall / bestJre.m.wall;
  console.log(`Ratios against each engine's fastest mode (wall clock): ${vsZen.toFixed(1)}× ZEN (${bestZen.label}), ${vsJre.toFixed(1)}× json-rules-engine (${bestJre.label}).`);
  const check = (ok: boolean) => (ok ? "met" : "NOT met");
  console.log(`Targets: full ruleset ≥ 500,000/s: ${check(full.wall >= 500_000)} (wall ${fmt(full.wall)}, per CPU-second ${fmt(full.cpu)}); subset ≥ 20× ZEN: ${check(vsZen >= 20)}; ≥ 100× json-rules-engine: ${check(vsJre >= 100)}.`);
  if (sink === -1) console.log(sink); // keep results alive
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

// Near-duplicate résumé families for the linkage benchmark: one template per fraud cluster, each member a copy with
// a few words changed (the pattern LNK-03 looks for), plus their real MinHash LSH bands.

import { mulberry32 } from "../../lib/engine/testing/generate-facts";

/** Deterministic pseudo-random numbers: the engine factories' mulberry32. */
export const rng = mulberry32;

const SYLLABLES = ["ka", "ro", "mi", "tek", "lan", "dev", "ops", "sys", "net", "ware", "cloud", "data", "ser", "vi", "con",
  "pro", "gram", "lead", "scale", "build", "test", "ship", "api", "web", "app", "stack", "flow", "base", "core", "node"];

/** ~2,000 made-up words: enough that unrelated résumés share few 5-word shingles. */
const VOCABULARY: string[] = (() => {
  const r = rng(99);
  const words = new Set<string>();
  while (words.size < 2000) {
    const n = 1 + Math.floor(r() * 3);
    let w = "";
    for (let i = 0; i < n; i++) w += SYLLABLES[Math.floor(r() * SYLLABLES.length)];
    words.add(w);
  }
  return [...words];
})();

/** The template résumé of fraud cluster `cluster`: 250–400 words. */
export function clusterTemplate(cluster: number): string[] {
  const r = rng(1_000_003 * (cluster + 1));
  const length = 250 + Math.floor(r() * 150);
  return Array.from({ length }, () => VOCABULARY[Math.floor(r() * VOCABULARY.length)]);
}

/** Member `member`'s copy of a template: 1–6 words replaced (shingle Jaccard ≈ 0.75–0.98 to the template). */
export function memberResume(template: string[], cluster: number, member: number): string {
  const r = rng(7_919 * (cluster + 1) + member);
  const words = [...template];
  const changes = 1 + Math.floor(r() * 6);
  for (let k = 0; k < changes; k++) words[Math.floor(r() * words.length)] = VOCABULARY[Math.floor(r() * VOCABULARY.length)];
  return words.join(" ");
}

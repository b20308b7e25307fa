// Near-duplicate résumés (LNK-03): MinHash over word shingles, LSH band hashes for candidate lookup in Postgres
// (int4[] with a GIN index, queried with `bands && $1`), exact shingle Jaccard to confirm. Deterministic: fixed
// seeds, no randomness, so signatures stored today compare with signatures computed next year.
import anyAscii from "any-ascii";

export interface ShingleOptions {
  /** Words per shingle; default 5. */
  shingleSize?: number;
}

/** Lower case, accents folded, punctuation dropped, whitespace collapsed → words. */
export function normaliseWords(text: string): string[] {
  return anyAscii(typeof text === "string" ? text : "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

/** Distinct word shingles; a text shorter than one shingle yields its whole word sequence as one shingle. */
export function shingles(text: string, options: ShingleOptions = {}): Set<string> {
  const k = options.shingleSize ?? 5;
  const words = normaliseWords(text);
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < k) {
    out.add(words.join(" "));
    return out;
  }
  for (let i = 0; i + k <= words.length; i++) out.add(words.slice(i, i + k).join(" "));
  return out;
}

/** 32-bit FNV-1a over a string (seeded), unsigned. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** Murmur3 finaliser: a cheap, well-mixing permutation of 32-bit integers. */
function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed per-hash seeds (derived deterministically, never random).
const SEEDS: number[] = Array.from({ length: 1024 }, (_, i) => mix32(0x9e3779b9 ^ Math.imul(i + 1, 0x27d4eb2f)));

export interface MinhashOptions extends ShingleOptions {
  /** Signature length; default 128 (at most 1024). */
  numHashes?: number;
}

/**
 * MinHash signature: for each of numHashes seeded hash functions, the minimum hash over the text's shingles.
 * Each shingle is hashed once (FNV-1a) and then permuted per function (xor seed + murmur finaliser).
 * An empty text gives a signature of 0xffffffff values (matches nothing but itself).
 */
export function minhashSignature(text: string, options: MinhashOptions = {}): Uint32Array {
  const n = options.numHashes ?? 128;
  if (n < 1 || n > SEEDS.length) throw new RangeError(`numHashes must be 1..${SEEDS.length}`);
  const sig = new Uint32Array(n).fill(0xffffffff);
  for (const s of shingles(text, options)) {
    const base = fnv1a(s, 0);
    for (let i = 0; i < n; i++) {
      const h = mix32(base ^ SEEDS[i]);
      if (h < sig[i]) sig[i] = h;
    }
  }
  return sig;
}

/** Estimated Jaccard similarity from two signatures of equal length. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError("signatures must have the same, non-zero length");
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/**
 * LSH band hashes: the signature is cut into `bands` bands of rows = length / bands; each band hashes (with its
 * band number) to one signed 32-bit integer, ready for a Postgres int4[] column. Two texts share at least one
 * band with probability 1 − (1 − J^rows)^bands (32 bands × 4 rows: J = 0.5 → 87 %, J = 0.3 → 23 %).
 */
export function lshBands(signature: Uint32Array, options: { bands?: number } = {}): Int32Array {
  const bands = options.bands ?? 32;
  if (bands < 1 || signature.length % bands !== 0) {
    throw new RangeError(`signature length ${signature.length} is not a multiple of ${bands} bands`);
  }
  const rows = signature.length / bands;
  const out = new Int32Array(bands);
  for (let b = 0; b < bands; b++) {
    let h = mix32(0x5bd1e995 ^ b);
    for (let r = 0; r < rows; r++) h = mix32(h ^ signature[b * rows + r]) + r;
    out[b] = mix32(h) | 0;
  }
  return out;
}

/** Exact Jaccard similarity of the two texts' shingle sets (1 for two empty texts). */
export function jaccard(textA: string, textB: string, options: ShingleOptions = {}): number {
  const a = shingles(textA, options);
  const b = shingles(textB, options);
  if (a.size === 0 && b.size === 0) return 1;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const s of small) if (large.has(s)) inter++;
  return inter / (a.size + b.size - inter);
}

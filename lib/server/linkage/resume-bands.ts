import "server-only";
import { lshBands, minhashSignature, shingles } from "@/lib/enrichment/linkage";

/**
 * MinHash/LSH parameters of the stored résumé bands. 128 hashes in 32 bands of 4 rows: a pair with shingle
 * Jaccard 0.8 shares a band with probability 1 − (1 − 0.8⁴)³² ≈ 1 − 5·10⁻⁸, 0.5 with 87 %, 0.3 with 23 %.
 * Changing any of them requires recomputing every stored row.
 */
export const RESUME_MINHASH = { numHashes: 128, shingleSize: 5, bands: 32 } as const;

/** LSH band hashes of a résumé text, for `candidate_resumes.bands` (int4[] with a GIN index). */
export function resumeBands(text: string): number[] {
  const signature = minhashSignature(text, { numHashes: RESUME_MINHASH.numHashes, shingleSize: RESUME_MINHASH.shingleSize });
  return Array.from(lshBands(signature, { bands: RESUME_MINHASH.bands }));
}

// Every screening compares its résumé with up to 200 LSH candidates, and the same stored résumés come back again and
// again: their shingle sets are kept, keyed by the text itself (a text is its own version), least recently used out.
// Bounded by characters held (text + shingles ≈ 6× the text), and résumés longer than a typical one are not kept.
const SHINGLE_CACHE_MAX_CHARS = 8_000_000;
const SHINGLE_CACHE_MAX_TEXT = 20_000;
const shingleCache = new Map<string, Set<string>>();
let shingleCacheChars = 0;

/** The 5-word shingle set of a résumé, for exact Jaccard against LSH candidates. Treat the set as read-only. */
export function resumeShingles(text: string): Set<string> {
  const hit = shingleCache.get(text);
  if (hit) {
    shingleCache.delete(text);
    shingleCache.set(text, hit);
    return hit;
  }
  const set = shingles(text, { shingleSize: RESUME_MINHASH.shingleSize });
  if (text.length <= SHINGLE_CACHE_MAX_TEXT) {
    shingleCache.set(text, set);
    shingleCacheChars += text.length;
    while (shingleCacheChars > SHINGLE_CACHE_MAX_CHARS) {
      const oldest = shingleCache.keys().next().value!;
      shingleCache.delete(oldest);
      shingleCacheChars -= oldest.length;
    }
  }
  return set;
}

/** Exact Jaccard similarity of two shingle sets (1 for two empty sets). */
export function shingleJaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const s of small) if (large.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

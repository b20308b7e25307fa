/** Small pure helpers shared by rules. No I/O, no clock. */

/** Bounded memo for pure string → value functions (same input, same output; the cache cannot change results). */
export function memoString<T>(fn: (s: string) => T, max = 20_000): (s: string) => T {
  const cache = new Map<string, T>();
  return (s) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= max) cache.clear();
      cache.set(s, v);
    }
    return v;
  };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm), for years ≥ 0. */
function daysFromCivil(y: number, m: number, d: number): number {
  if (m < 1 || m > 12 || d < 1 || d > 31) return NaN;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The year of an ISO date/date-time, read without parsing. */
export const yearOf = (iso: string): number => d2(iso, 0) * 100 + d2(iso, 2);

const d2 = (s: string, i: number) => (s.charCodeAt(i) - 48) * 10 + (s.charCodeAt(i + 1) - 48);

/**
 * Epoch milliseconds of an ISO 8601 date or date-time as produced by `z.iso.date()` / `z.iso.datetime({ offset: true })`.
 * Hand-rolled because Date.parse dominated the evaluation profile; falls back to Date.parse for other shapes.
 */
export function msOf(iso: string): number {
  const n = iso.length;
  if (n < 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return Date.parse(iso);
  const day = daysFromCivil(d2(iso, 0) * 100 + d2(iso, 2), d2(iso, 5), d2(iso, 8)) * DAY_MS;
  if (day !== day) return Date.parse(iso);
  if (n === 10) return day;
  if (n < 16 || iso.charCodeAt(10) !== 84 || iso.charCodeAt(13) !== 58) return Date.parse(iso);
  let ms = day + d2(iso, 11) * 3_600_000 + d2(iso, 14) * 60_000;
  let i = 16;
  if (iso.charCodeAt(i) === 58) {
    ms += d2(iso, i + 1) * 1000;
    i += 3;
    if (iso.charCodeAt(i) === 46) {
      let frac = 0;
      let scale = 100;
      i++;
      while (i < n) {
        const c = iso.charCodeAt(i);
        if (c < 48 || c > 57) break;
        frac += (c - 48) * scale;
        scale /= 10;
        i++;
      }
      ms += Math.floor(frac);
    }
  }
  const z = iso.charCodeAt(i);
  if (z === 90 && i === n - 1) return ms;
  if ((z === 43 || z === 45) && n - i === 6) {
    const off = d2(iso, i + 1) * 60 + d2(iso, i + 4);
    return z === 43 ? ms - off * 60_000 : ms + off * 60_000;
  }
  return Date.parse(iso);
}

function slowNormalize(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Lower-case, strip accents and punctuation, collapse spaces. ASCII fast path; NFKD for the rest. */
export function normalizeText(s: string): string {
  let out = "";
  let gap = false;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 128) return slowNormalize(s);
    if (c >= 65 && c <= 90) c += 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (gap && out.length > 0) out += " ";
      gap = false;
      out += String.fromCharCode(c);
    } else gap = true;
  }
  return out;
}

// Pure memo: the same string always yields the same tokens, so caching cannot change results. Bounded.
const tokenCache = new Map<string, string[]>();
function rawTokens(name: string): string[] {
  let t = tokenCache.get(name);
  if (t === undefined) {
    t = normalizeText(name).split(" ").filter(Boolean);
    if (tokenCache.size >= 20_000) tokenCache.clear();
    tokenCache.set(name, t);
  }
  return t;
}

/**
 * Two names are consistent when, after normalisation and folding admin-configured spelling variants, every token of
 * the shorter name matches a token of the longer one (equal, or an initial). Middle names and initials may be
 * dropped; a different given name or surname is a mismatch. Word order does not matter.
 *
 * Spelling variants (e.g. the several romanisations of one Korean surname) are folded so that transliteration is
 * never read as a mismatch; they are never a signal in themselves.
 */
export function namesConsistent(a: string, b: string, variants: ReadonlyMap<string, string>): boolean {
  if (a === b) return true;
  const fast = asciiNamesConsistent(a, b);
  if (fast === true || (fast === false && variants.size === 0)) return fast;
  return tokensConsistent(tokens(a, variants), tokens(b, variants));
}

// Allocation-free comparison for ASCII names (the common case); null when either name needs Unicode folding.
const MAX_TOKENS = 32;
const aStart = new Int32Array(MAX_TOKENS);
const aEnd = new Int32Array(MAX_TOKENS);
const bStart = new Int32Array(MAX_TOKENS);
const bEnd = new Int32Array(MAX_TOKENS);

function scanTokens(s: string, starts: Int32Array, ends: Int32Array): number {
  let n = 0;
  let inTok = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 128) return -1;
    const l = c | 32;
    const alnum = (l >= 97 && l <= 122) || (c >= 48 && c <= 57);
    if (alnum && !inTok) {
      if (n === MAX_TOKENS) return -1;
      starts[n] = i;
      inTok = true;
    } else if (!alnum && inTok) {
      ends[n++] = i;
      inTok = false;
    }
  }
  if (inTok) ends[n++] = s.length;
  return n;
}

const lower = (c: number) => (c >= 65 && c <= 90 ? c + 32 : c);

function tokenMatch(a: string, as: number, ae: number, b: string, bs: number, be: number): boolean {
  const la = ae - as;
  const lb = be - bs;
  if (la === 1 || lb === 1) return lower(a.charCodeAt(as)) === lower(b.charCodeAt(bs));
  if (la !== lb) return false;
  for (let k = 0; k < la; k++) if (lower(a.charCodeAt(as + k)) !== lower(b.charCodeAt(bs + k))) return false;
  return true;
}

// Rules compare one name (the legal name) against several others; keep its scan.
let lastA: string | null = null;
let lastNa = -1;

function asciiNamesConsistent(a: string, b: string): boolean | null {
  if (a !== lastA) {
    lastNa = scanTokens(a, aStart, aEnd);
    lastA = a;
  }
  const na = lastNa;
  if (na < 0) return null;
  const nb = scanTokens(b, bStart, bEnd);
  if (nb < 0) return null;
  const aShort = na <= nb;
  const ns = aShort ? na : nb;
  const nl = aShort ? nb : na;
  const S = aShort ? a : b;
  const Lg = aShort ? b : a;
  const ss = aShort ? aStart : bStart;
  const se = aShort ? aEnd : bEnd;
  const ls = aShort ? bStart : aStart;
  const le = aShort ? bEnd : aEnd;
  outer: for (let i = 0; i < ns; i++) {
    for (let k = 0; k < nl; k++) if (tokenMatch(S, ss[i], se[i], Lg, ls[k], le[k])) continue outer;
    return false;
  }
  return true;
}

/** Name → folded tokens for one variants map. Build once per config (see name-mismatch) and reuse. */
function nameTokenizer(variants: ReadonlyMap<string, string>): (name: string) => readonly string[] {
  if (variants.size === 0) return rawTokens;
  return memoString((name) => rawTokens(name).map((t) => variants.get(t) ?? t));
}

/** Token-level form of namesConsistent for callers that hold tokens already. */
function tokensConsistent(ta: readonly string[], tb: readonly string[]): boolean {
  const short = ta.length <= tb.length ? ta : tb;
  const long = short === ta ? tb : ta;
  outer: for (let i = 0; i < short.length; i++) {
    const t = short[i];
    for (let k = 0; k < long.length; k++) {
      const u = long[k];
      if (u === t || (t.length === 1 && u.charCodeAt(0) === t.charCodeAt(0)) || (u.length === 1 && t.charCodeAt(0) === u.charCodeAt(0))) continue outer;
    }
    return false;
  }
  return true;
}

const tokenizers = new WeakMap<ReadonlyMap<string, string>, (name: string) => readonly string[]>();
function tokens(name: string, variants: ReadonlyMap<string, string>): readonly string[] {
  if (variants.size === 0) return rawTokens(name);
  let t = tokenizers.get(variants);
  if (t === undefined) tokenizers.set(variants, (t = nameTokenizer(variants)));
  return t(name);
}

/** Build a token → canonical map from groups of equivalent spellings. */
export function variantMap(groups: readonly (readonly string[])[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const g of groups) {
    const canonical = normalizeText(g[0]);
    for (const v of g) m.set(normalizeText(v), canonical);
  }
  return m;
}

/** Cache derived config (maps, sets) per config object so rules stay a tight loop. */
export function memoByConfig<C extends object, T>(build: (config: C) => T): (config: C) => T {
  const cache = new WeakMap<C, T>();
  return (config) => {
    let v = cache.get(config);
    if (v === undefined) {
      v = build(config);
      cache.set(config, v);
    }
    return v;
  };
}

const STREET_WORDS: Record<string, string> = {
  street: "st", avenue: "ave", road: "rd", drive: "dr", boulevard: "blvd", lane: "ln", court: "ct", place: "pl",
  terrace: "ter", highway: "hwy", parkway: "pkwy", circle: "cir", square: "sq", apartment: "apt", suite: "ste",
  north: "n", south: "s", east: "e", west: "w", floor: "fl", unit: "unit",
};
/** Normalised address line: case, punctuation and common USPS street-suffix abbreviations folded. */
export const addressKey = memoString((line: string): string => {
  const t = rawTokens(line);
  let out = "";
  for (let i = 0; i < t.length; i++) out += (i ? " " : "") + (STREET_WORDS[t[i]] ?? t[i]);
  return out;
});

export function sameAddress(
  a: { line1?: string | null; postalCode?: string | null; country?: string | null },
  b: { line1?: string | null; postalCode?: string | null; country?: string | null },
): boolean | null {
  if (!a.line1 || !b.line1) return null;
  if (a.country && b.country && a.country !== b.country) return false;
  if (a.postalCode && b.postalCode && normalizeText(a.postalCode) !== normalizeText(b.postalCode)) return false;
  return a.line1 === b.line1 || addressKey(a.line1) === addressKey(b.line1);
}

export const formatAddress = (a: { line1?: string | null; city?: string | null; postalCode?: string | null; country?: string | null }): string =>
  [a.line1, a.city, a.postalCode, a.country].filter(Boolean).join(", ");

export const pct = (x: number): string => `${Math.round(x * 100)}%`;

export const textKey = memoString(normalizeText);

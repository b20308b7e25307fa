// In-memory screening index over a parsed SDN list: fuzzy retrieval (inverted index on token keys), then scoring.
//
// Retrieval keys per listed token spelling: the exact token, its Double Metaphone codes, and for tokens of 5+
// letters a 3-letter prefix and suffix key, so typos are still retrieved (yente #761: typos lost at retrieval,
// not at scoring). Listed names are expanded at index time with Korean romanisation variants and with adjacent
// tokens joined ("Sang Man" → "Sangman"); queries are expanded only by joining adjacent tokens.
//
// Scoring: tokens are paired one-to-one (greedy on similarity); a pair counts when its similarity ≥ 0.84, where
// similarity is Jaro-Winkler, raised a little when the Double Metaphone codes agree; tokens of up to 3 letters,
// numbers and joined tokens must be equal, and a one-letter query token (an initial) pairs with a listed token it
// begins (see similarity()). Coverage of the query and of the listed name are both computed (generic business
// words weigh 0.2); both must reach 0.6, and the score is their mean less a penalty per unmatched query token
// (see scoreForm()). Length and token awareness (issue 10): a listed form with one distinctive token (a short
// alias such as "ORACLE" or "MSC") only matches a query with no token left over, so a longer ordinary name that
// contains it is not a candidate; at least one full (non-initial) distinctive token must pair; legal-form words
// are dropped before matching and shown in the breakdown. So "Kim Min-jun" does not reach "KIM, Sang Man" by
// sharing a surname. Every result is a candidate for review, never a verdict. Weak aliases (OFAC's own low-quality
// marking) are returned only when no primary name or strong alias of the same entry matches, flagged as weak, and
// the sanctions rule treats them as corroboration only.
import { jaroWinkler } from "@skyra/jaro-winkler";
import { doubleMetaphone } from "double-metaphone";

import { romanisationVariants } from "./korean-variants";
import { GENERIC_WEIGHT, GENERIC_WORDS, normaliseName } from "./normalise-name";
import type { AliasType, SanctionsEntry, SanctionsList, SdnType } from "./types";

export const DEFAULT_THRESHOLD = 0.88;
const TOKEN_MATCH_MIN = 0.84;
const COVERAGE_GATE = 0.6;
const PHONETIC_BONUS = 0.3; // share of the gap to 1.0 closed when the phonetic codes agree
const MAX_MERGE_TOKENS = 6;
/** Score of an initial ("S.") paired with a listed token that begins with it. */
const INITIAL_SCORE = 0.9;
/** Taken off the score for each query token (of any weight) that found no partner in the listed name. */
const UNMATCHED_QUERY_PENALTY = 0.05;
/** Score of two spellings that fold to the same transliteration skeleton ("yong"/"iong", "aqsa"/"aksa"). */
const TRANSLITERATION_SCORE = 0.95;

// Alternations that transliteration from Arabic, Persian, Cyrillic, Chinese and Korean script produces for the same
// sound. Both sides are folded; equal skeletons are spellings of one name, not a typo.
const SKELETON_FOLDS: [RegExp, string][] = [
  [/kh/g, "h"], [/ph/g, "f"], [/dzh/g, "j"], [/dj/g, "j"], [/zh/g, "j"], [/tch/g, "ch"], [/sch/g, "sh"], [/ck/g, "k"],
  [/q/g, "k"], [/ks/g, "x"], [/w/g, "v"], [/ou/g, "u"], [/oo/g, "u"], [/ee/g, "i"], [/y/g, "i"], [/(.)\1/g, "$1"],
];
function skeleton(text: string): string {
  let s = text;
  for (const [re, by] of SKELETON_FOLDS) s = s.replace(re, by);
  return s;
}

interface Token {
  text: string;
  chars: string[];
  codes: [string, string] | null;
  weight: number;
  numeric: boolean;
  /** Made by joining two adjacent tokens: compared exactly only, so spacing variants never stack with typos. */
  joined: boolean;
  /** A single letter: an initial, which pairs with a listed token it begins but never retrieves or matches alone. */
  initial: boolean;
  /** Transliteration skeleton (see SKELETON_FOLDS). */
  skeleton: string;
}

interface ListedToken extends Token {
  /** Accepted spellings: the token and its romanisation variants, each pre-split for Jaro-Winkler. */
  spellings: Token[];
}

type NameType = "primary" | AliasType;

interface NameForm {
  entry: number;
  nameType: NameType;
  strength: "strong" | "weak" | null;
  /** The name as listed (primary name or alias text). */
  listedName: string;
  normalised: string;
  droppedLegalForms: string[];
  tokens: ListedToken[];
  /** Fewest listed tokens that must match for the listed coverage to reach the gate (retrieval pruning). */
  minHits: number;
}

export interface TokenPairScore {
  query: string;
  listed: string;
  /** The spelling that matched: the listed token or one of its romanisation variants. */
  listedSpelling: string;
  jaroWinkler: number;
  phoneticAgreement: boolean;
  romanisationVariant: boolean;
  /** The query token was an initial paired with the listed token it begins. */
  initial: boolean;
  /**
   * exact: the same spelling (or a listed romanisation variant); variant: the same transliteration skeleton;
   * fuzzy: similar spelling (a typo); initial: a one-letter query token.
   */
  kind: "exact" | "variant" | "fuzzy" | "initial";
  score: number;
}

export interface SanctionsCandidate {
  kind: "candidate-for-review";
  entNum: number;
  /** The entry's primary name. */
  listedName: string;
  /** The name form that matched (primary name or an alias). */
  matchedName: string;
  matchedNameType: NameType;
  aliasStrength: "strong" | "weak" | null;
  entryType: SdnType;
  programs: string[];
  score: number;
  query: { input: string; normalised: string; droppedLegalForms: string[] };
  listed: { normalised: string; droppedLegalForms: string[] };
  breakdown: {
    pairs: TokenPairScore[];
    queryCoverage: number;
    listedCoverage: number;
    unmatchedQueryTokens: string[];
    unmatchedListedTokens: string[];
    /** Points taken off for query tokens left unmatched. */
    unmatchedPenalty: number;
  };
}

export interface WalletCandidate {
  kind: "candidate-for-review";
  entNum: number;
  listedName: string;
  entryType: SdnType;
  programs: string[];
  currency: string;
  address: string;
  score: 1;
}

export interface ScreenOptions {
  /** Minimum score (0–1) for a candidate; default 0.88. */
  threshold?: number;
  /** Restrict to entry types, e.g. ["individual"] for a person, ["entity"] for an employer. */
  types?: SdnType[];
  /**
   * Weak aliases (OFAC's low-quality a.k.a.s) take part unless this is false. A weak alias is returned only when
   * no primary name or strong alias of the same entry passes, and is flagged `aliasStrength: "weak"`.
   */
  includeWeakAliases?: boolean;
  /** Maximum number of candidates returned (best first); default 20. */
  limit?: number;
}

export interface SanctionsIndex {
  readonly publishedAt: string | null;
  readonly entryCount: number;
  readonly formCount: number;
  screenName(name: string, options?: ScreenOptions): SanctionsCandidate[];
  screenWalletAddress(address: string): WalletCandidate[];
  /** The listed entry (dates of birth, ID numbers, addresses, wallets) for corroborating a candidate. */
  entry(entNum: number): SanctionsEntry | undefined;
}

function makeToken(text: string, joined = false): Token {
  const numeric = /^\d+$/.test(text);
  return {
    text,
    chars: text.split(""),
    codes: !numeric && !joined && text.length >= 3 ? doubleMetaphone(text) : null,
    weight: GENERIC_WORDS.has(text) ? GENERIC_WEIGHT : 1,
    numeric,
    joined,
    initial: !joined && text.length === 1 && !numeric,
    skeleton: numeric ? text : skeleton(text),
  };
}

/** Joined token of two tokens; weighs 1 unless both parts are generic. */
function joinTokens(a: Token, b: Token): Token {
  const t = makeToken(a.text + b.text, true);
  t.weight = Math.max(a.weight, b.weight);
  return t;
}

/**
 * Retrieval keys of a token. Prefix/suffix keys carry the token length so they stay selective (a bare "ich"
 * suffix would reach every patronymic); `probe` adds the neighbouring lengths so a typo that inserts or drops a
 * letter is still retrieved.
 */
function tokenKeys(t: Token, probe = false): string[] {
  const keys = [`t:${t.text}`];
  if (!t.numeric && !t.joined && !t.initial) keys.push(`k:${t.skeleton}`);
  // Tokens of up to 3 letters, numbers and joined tokens only ever match exactly (see similarity()).
  if (t.numeric || t.joined || t.text.length <= 3) return keys;
  if (t.codes) {
    keys.push(`m:${t.codes[0]}`);
    if (t.codes[1] !== t.codes[0]) keys.push(`m:${t.codes[1]}`);
  }
  const n = t.text.length;
  if (n >= 5) {
    const pre = t.text.slice(0, 3);
    const suf = t.text.slice(-3);
    for (const len of probe ? [n - 1, n, n + 1] : [n]) keys.push(`p:${pre}:${len}`, `s:${suf}:${len}`);
  }
  return keys;
}

/**
 * Token similarity. Short tokens are where Jaro-Winkler misleads ("min"/"man", "sang"/"song" are different
 * names), so: 1–3 letters must be equal (romanisation variants are already spellings of the listed token);
 * 4 letters need JW ≥ 0.9 and agreeing phonetic codes ("khan"/"kahn"); 5+ letters use JW, raised a little when
 * the Double Metaphone codes agree.
 */
function similarity(q: Token, l: Token): { jw: number; phonetic: boolean; score: number; kind: TokenPairScore["kind"] } {
  if (q.text === l.text) return { jw: 1, phonetic: true, score: 1, kind: "exact" };
  if (q.initial) {
    const begins = !l.numeric && !l.joined && l.text.length > 1 && l.text[0] === q.text;
    return { jw: 0, phonetic: false, score: begins ? INITIAL_SCORE : 0, kind: "initial" };
  }
  // Skeletons only for 4+ letters: folding "ppi" to "pi" or "khan" to "han" makes different short names equal.
  if (!q.numeric && !l.numeric && q.text.length >= 4 && l.text.length >= 4 && q.skeleton === l.skeleton) return { jw: 0, phonetic: true, score: TRANSLITERATION_SCORE, kind: "variant" };
  const shorter = Math.min(q.text.length, l.text.length);
  if (q.numeric || l.numeric || q.joined || l.joined || shorter <= 3) return { jw: 0, phonetic: false, score: 0, kind: "fuzzy" };
  const phonetic =
    q.codes !== null &&
    l.codes !== null &&
    (q.codes[0] === l.codes[0] || q.codes[0] === l.codes[1] || q.codes[1] === l.codes[0]);
  if (shorter === 4 && !phonetic) return { jw: 0, phonetic, score: 0, kind: "fuzzy" };
  const jw = jaroWinkler(q.chars, l.chars);
  if (shorter === 4 && jw < 0.9) return { jw, phonetic, score: 0, kind: "fuzzy" };
  return { jw, phonetic, score: phonetic ? jw + (1 - jw) * PHONETIC_BONUS : jw, kind: "fuzzy" };
}

/** Variants of a token list with one adjacent pair joined (the list itself first). */
function withJoinedPairs<T>(tokens: T[], join: (a: T, b: T) => T): T[][] {
  const out: T[][] = [tokens];
  if (tokens.length < 2 || tokens.length > MAX_MERGE_TOKENS) return out;
  for (let i = 0; i + 1 < tokens.length; i++) out.push([...tokens.slice(0, i), join(tokens[i], tokens[i + 1]), ...tokens.slice(i + 2)]);
  return out;
}

interface Scored {
  score: number;
  pairs: TokenPairScore[];
  queryCoverage: number;
  listedCoverage: number;
  unmatchedPenalty: number;
  usedQ: Uint8Array;
  usedL: Uint8Array;
  /** The query variant (plain or with one joined pair) that produced this score. */
  variant: Token[];
}

/** Per query: query token → listed token → best pair (many forms share tokens, so most pairs repeat). */
type PairCache = Map<Token, Map<ListedToken, TokenPairScore | null>>;

function bestPair(q: Token, l: ListedToken): TokenPairScore | null {
  let best: TokenPairScore | null = null;
  for (const spelling of l.spellings) {
    const s = similarity(q, spelling);
    if (s.score >= TOKEN_MATCH_MIN && (!best || s.score > best.score)) {
      best = {
        query: q.text,
        listed: l.text,
        listedSpelling: spelling.text,
        jaroWinkler: s.jw,
        phoneticAgreement: s.phonetic,
        romanisationVariant: spelling.text !== l.text,
        initial: s.kind === "initial",
        kind: s.kind === "exact" && spelling.text !== l.text ? "variant" : s.kind,
        score: s.score,
      };
      if (s.score === 1) break;
    }
  }
  return best;
}

const totalWeight = (tokens: Token[]) => {
  let sum = 0;
  for (const t of tokens) sum += t.weight;
  return sum;
};

function scoreForm(query: Token[], listed: ListedToken[], cache: PairCache): Scored | null {
  const candidates: { i: number; j: number; pair: TokenPairScore }[] = [];
  for (let i = 0; i < query.length; i++) {
    let memo = cache.get(query[i]);
    if (!memo) {
      memo = new Map();
      cache.set(query[i], memo);
    }
    for (let j = 0; j < listed.length; j++) {
      let best = memo.get(listed[j]);
      if (best === undefined) {
        best = bestPair(query[i], listed[j]);
        memo.set(listed[j], best);
      }
      if (best) candidates.push({ i, j, pair: best });
    }
  }
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.pair.score - a.pair.score);
  const usedQ = new Uint8Array(query.length);
  const usedL = new Uint8Array(listed.length);
  const pairs: TokenPairScore[] = [];
  let qSum = 0;
  let lSum = 0;
  // A listed form made only of generic words ("INDUSTRIAL SOLUTIONS") is judged on those words.
  let listedDistinctive = 0;
  for (const t of listed) if (t.weight === 1) listedDistinctive++;
  const distinctive = (t: Token) => t.weight === 1 || listedDistinctive === 0;
  let distinctivePairs = 0;
  let strongPairs = 0;
  for (const c of candidates) {
    if (usedQ[c.i] || usedL[c.j]) continue;
    usedQ[c.i] = 1;
    usedL[c.j] = 1;
    pairs.push(c.pair);
    qSum += query[c.i].weight * c.pair.score;
    lSum += listed[c.j].weight * c.pair.score;
    if (!c.pair.initial && distinctive(listed[c.j])) {
      distinctivePairs++;
      if (c.pair.kind !== "fuzzy") strongPairs++;
    }
  }
  // Initials and generic words corroborate; they never make a match on their own, and neither do typos alone: at
  // least one distinctive token must be spelled the same (or as a transliteration/romanisation variant).
  if (strongPairs === 0) return null;
  let unmatchedQuery = 0;
  for (let i = 0; i < query.length; i++) if (!usedQ[i]) unmatchedQuery += query[i].joined ? 2 : 1;
  // A match that rests on one distinctive word must be the whole name on both sides: "Oracle Systems" is not the
  // listed "ORACLE", "Falcon" is not "FALCON SYSTEMS", and a former employer's name is not a steel company's short
  // alias because one word of it looks alike ("Cisco" / "ZISCO" was already refused as a typo-only match).
  if (distinctivePairs <= 1 && (unmatchedQuery > 0 || usedL.includes(0))) return null;
  const queryCoverage = qSum / totalWeight(query);
  const listedCoverage = lSum / totalWeight(listed);
  if (queryCoverage < COVERAGE_GATE || listedCoverage < COVERAGE_GATE) return null;
  const unmatchedPenalty = UNMATCHED_QUERY_PENALTY * unmatchedQuery;
  return {
    score: Math.max(0, (queryCoverage + listedCoverage) / 2 - unmatchedPenalty),
    unmatchedPenalty,
    pairs,
    queryCoverage,
    listedCoverage,
    usedQ,
    usedL,
    variant: query,
  };
}

/**
 * Fewest weight-1 tokens that must match for coverage to reach the gate, assuming every generic (low-weight)
 * token matches too and each match scores 1. Used only to skip forms that cannot pass.
 */
function minHitsFor(tokens: Token[]): number {
  let total = 0;
  let generic = 0;
  for (const t of tokens) {
    total += t.weight;
    if (t.weight < 1) generic += t.weight;
  }
  return Math.max(1, Math.ceil(COVERAGE_GATE * total - generic - 1e-9));
}

/** Wallet addresses compare exactly; hex (0x…) addresses are case-insensitive (EIP-55 case is a checksum). */
function walletKey(address: string): string {
  const a = address.trim();
  return /^0x[0-9a-fA-F]+$/.test(a) ? a.toLowerCase() : a;
}

/** Builds the screening index. Roughly linear in the list size; ~23k names (the 2021 list) take well under a second. */
export function buildSanctionsIndex(list: SanctionsList): SanctionsIndex {
  const entries: SanctionsEntry[] = list.entries;
  const tokenCache = new Map<string, ListedToken>();
  const listedToken = (text: string): ListedToken => {
    let t = tokenCache.get(text);
    if (!t) {
      const base = makeToken(text);
      const spellings = romanisationVariants(text).map((s) => (s === text ? base : makeToken(s)));
      t = { ...base, spellings: spellings.includes(base) ? spellings : [base, ...spellings] };
      tokenCache.set(text, t);
    }
    return t;
  };
  const joinedCache = new Map<string, ListedToken>();
  const joinListed = (a: ListedToken, b: ListedToken): ListedToken => {
    const key = `${a.text} ${b.text}`;
    let t = joinedCache.get(key);
    if (!t) {
      const base = joinTokens(a, b);
      const spellings = [base];
      for (const sa of a.spellings) {
        for (const sb of b.spellings) {
          if (spellings.length >= 16) break;
          if (sa.text + sb.text !== base.text) spellings.push(makeToken(sa.text + sb.text, true));
        }
      }
      t = { ...base, spellings };
      joinedCache.set(key, t);
    }
    return t;
  };

  const forms: NameForm[] = [];
  const seenForms = new Set<string>();
  const addNames = (entry: number, name: string, nameType: NameType, strength: NameForm["strength"]) => {
    const norm = normaliseName(name);
    if (norm.tokens.length === 0) return;
    for (const tokens of withJoinedPairs(norm.tokens.map(listedToken), joinListed)) {
      // Joined tokens compare exactly only, so a form with a joined "silverstar" must not hide an alias that
      // spells "SILVERSTAR" as one word (and may carry a typo).
      const key = `${entry}|${tokens.map((t) => (t.joined ? `+${t.text}` : t.text)).join(" ")}`;
      if (seenForms.has(key)) continue;
      seenForms.add(key);
      forms.push({ entry, nameType, strength, listedName: name, normalised: norm.normalised, droppedLegalForms: norm.droppedLegalForms, tokens, minHits: minHitsFor(tokens) });
    }
  };
  const wallets = new Map<string, { entry: number; currency: string; address: string }[]>();
  entries.forEach((e, i) => {
    addNames(i, e.name, "primary", null);
    for (const a of e.aliases) addNames(i, a.name, a.type, a.strength);
    for (const w of e.digitalCurrencyAddresses) {
      const key = walletKey(w.address);
      const list = wallets.get(key) ?? [];
      list.push({ entry: i, currency: w.currency, address: w.address });
      wallets.set(key, list);
    }
  });
  seenForms.clear();

  // Inverted index: key → listed tokens; listed token → forms containing it.
  const tokenIds = new Map<ListedToken, number>();
  const tokenForms: number[][] = [];
  forms.forEach((form, f) => {
    for (const t of form.tokens) {
      let id = tokenIds.get(t);
      if (id === undefined) {
        id = tokenForms.length;
        tokenIds.set(t, id);
        tokenForms.push([]);
      }
      const list = tokenForms[id];
      if (list[list.length - 1] !== f) list.push(f);
    }
  });
  const keyTokensBuild = new Map<string, number[]>();
  for (const [t, id] of tokenIds) {
    // Generic words are keyed too: a typo of one ("informatin") is a distinctive query token that must still reach
    // the listed "information", and a name made only of generic words must be retrievable. Probes are taken rarest
    // first, so the long lists behind generic keys rarely add forms.
    const keys = new Set(t.spellings.flatMap((sp) => tokenKeys(sp)));
    for (const k of keys) {
      const list = keyTokensBuild.get(k);
      if (list) list.push(id);
      else keyTokensBuild.set(k, [id]);
    }
  }
  const keyTokens = new Map<string, Int32Array>();
  for (const [k, ids] of keyTokensBuild) keyTokens.set(k, Int32Array.from(ids));
  const formsByToken = tokenForms.map((l) => Int32Array.from(l));
  const keyFormCount = new Map<string, number>();
  for (const [k, ids] of keyTokens) {
    let n = 0;
    for (const id of ids) n += formsByToken[id].length;
    keyFormCount.set(k, n);
  }

  const hitCount = new Uint8Array(forms.length);
  const hitWorth = new Uint8Array(forms.length);
  const lastProbe = new Int32Array(forms.length).fill(-1);

  function screenName(input: string, options: ScreenOptions = {}): SanctionsCandidate[] {
    const threshold = options.threshold ?? DEFAULT_THRESHOLD;
    const limit = options.limit ?? 20;
    const types = options.types ? new Set(options.types) : null;
    const includeWeak = options.includeWeakAliases ?? true;
    const norm = normaliseName(input);
    if (norm.tokens.length === 0) return [];
    const queryTokens = norm.tokens.map((t) => makeToken(t));
    const variants = withJoinedPairs(queryTokens, joinTokens);
    const joinedText = variants.map((v) => v.find((t) => t.joined)?.text ?? "");
    // Probes: distinctive query tokens and joined pairs. A joined probe stands for two query tokens.
    const probes = new Map<string, { token: Token; worth: number }>();
    for (const v of variants) for (const t of v) if (t.weight === 1 && !t.initial) probes.set(t.text, { token: t, worth: t.joined ? 2 : 1 });
    // A query of generic words only ("Industrial Solutions") probes with them.
    if (probes.size === 0) for (const t of queryTokens) if (!t.initial) probes.set(t.text, { token: t, worth: 1 });
    // Initials are never probed (a letter would reach every name): like generic words, they only add to coverage.
    const initials = queryTokens.filter((t) => t.initial).length;
    const qTotal = queryTokens.reduce((sum, t) => sum + t.weight, 0);
    const qGeneric = queryTokens.reduce((sum, t) => sum + (t.weight < 1 || t.initial ? t.weight : 0), 0);
    const needWorth = Math.max(1, Math.ceil(COVERAGE_GATE * qTotal - qGeneric - 1e-9));

    // Retrieval. Per form we count the distinct probes reaching it (and their worth): a form can only pass when
    // they cover enough of the query (needWorth) and of the listed name (minHits). Prefix filtering keeps the
    // candidate set small: taking probes rarest first, only those up to the point where the rest are worth less
    // than needWorth may add new forms (any passable form must be reached by one of them); the frequent rest
    // ("al", "muhammad") only add to the counts of forms already found.
    const probeList = [...probes.values()].map((p) => {
      const keys = tokenKeys(p.token, true);
      let size = 0;
      for (const k of keys) size += keyFormCount.get(k) ?? 0;
      return { ...p, keys, size };
    });
    probeList.sort((x, y) => x.size - y.size);
    let restWorth = probeList.reduce((sum, p) => sum + p.worth, 0);
    const touched: number[] = [];
    for (let probeNo = 0; probeNo < probeList.length; probeNo++) {
      const probe = probeList[probeNo];
      const mayAdd = restWorth >= needWorth;
      restWorth -= probe.worth;
      for (const key of probe.keys) {
        const ids = keyTokens.get(key);
        if (!ids) continue;
        for (let k = 0; k < ids.length; k++) {
          const fl = formsByToken[ids[k]];
          for (let x = 0; x < fl.length; x++) {
            const f = fl[x];
            const last = lastProbe[f];
            if (last === probeNo) continue;
            if (last === -1) {
              if (!mayAdd) continue;
              touched.push(f);
            }
            lastProbe[f] = probeNo;
            if (hitCount[f] < 255) hitCount[f]++;
            hitWorth[f] = Math.min(255, hitWorth[f] + probe.worth);
          }
        }
      }
    }

    const cache: PairCache = new Map();
    const best = new Map<number, { form: NameForm; scored: Scored }>();
    for (const f of touched) {
      const hits = hitCount[f];
      const worth = hitWorth[f];
      hitCount[f] = 0;
      hitWorth[f] = 0;
      lastProbe[f] = -1;
      const form = forms[f];
      if (worth < needWorth || hits + initials < form.minHits) continue;
      if (!includeWeak && form.strength === "weak") continue;
      if (types && !types.has(entries[form.entry].type)) continue;
      if (queryTokens.length < form.minHits) continue; // each query token can cover at most one listed token
      for (let vi = 0; vi < variants.length; vi++) {
        // A joined query variant can only differ from the plain one where the form holds that joined spelling.
        if (vi > 0 && !form.tokens.some((t) => t.spellings.some((sp) => sp.text === joinedText[vi]))) continue;
        const scored = scoreForm(variants[vi], form.tokens, cache);
        if (!scored || scored.score < threshold) continue;
        const prev = best.get(form.entry);
        // A primary name or strong alias always wins over a weak alias (weak aliases only corroborate); then the
        // higher score; on equal scores the explanation with more token pairs (unjoined, primary name first).
        const weak = form.strength === "weak";
        const prevWeak = prev?.form.strength === "weak";
        if (
          !prev ||
          (prevWeak && !weak) ||
          (prevWeak === weak &&
            (scored.score > prev.scored.score || (scored.score === prev.scored.score && scored.pairs.length > prev.scored.pairs.length)))
        ) {
          best.set(form.entry, { form, scored });
        }
      }
    }

    return [...best.values()]
      .sort((a, b) => b.scored.score - a.scored.score)
      .slice(0, limit)
      .map(({ form, scored }) => {
        const e = entries[form.entry];
        return {
          kind: "candidate-for-review" as const,
          entNum: e.entNum,
          listedName: e.name,
          matchedName: form.listedName,
          matchedNameType: form.nameType,
          aliasStrength: form.strength,
          entryType: e.type,
          programs: e.programs,
          score: Math.round(scored.score * 1000) / 1000,
          query: { input, normalised: norm.normalised, droppedLegalForms: norm.droppedLegalForms },
          listed: { normalised: form.normalised, droppedLegalForms: form.droppedLegalForms },
          breakdown: {
            pairs: scored.pairs,
            queryCoverage: Math.round(scored.queryCoverage * 1000) / 1000,
            listedCoverage: Math.round(scored.listedCoverage * 1000) / 1000,
            unmatchedQueryTokens: scored.variant.filter((_, i) => !scored.usedQ[i]).map((t) => t.text),
            unmatchedListedTokens: form.tokens.filter((_, j) => !scored.usedL[j]).map((t) => t.text),
            unmatchedPenalty: Math.round(scored.unmatchedPenalty * 1000) / 1000,
          },
        };
      });
  }

  function screenWalletAddress(address: string): WalletCandidate[] {
    if (typeof address !== "string" || !address.trim()) return [];
    return (wallets.get(walletKey(address)) ?? []).map((w) => {
      const e = entries[w.entry];
      return {
        kind: "candidate-for-review" as const,
        entNum: e.entNum,
        listedName: e.name,
        entryType: e.type,
        programs: e.programs,
        currency: w.currency,
        address: w.address,
        score: 1 as const,
      };
    });
  }

  const byEntNum = new Map(entries.map((e) => [e.entNum, e]));
  return {
    entry: (entNum: number) => byEntNum.get(entNum),
    publishedAt: list.publishedAt,
    entryCount: entries.length,
    formCount: forms.length,
    screenName,
    screenWalletAddress,
  };
}

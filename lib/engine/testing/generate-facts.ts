/**
 * Deterministic generator of varied, valid fact sets for benchmarks and seeds. Most profiles are clean with
 * varied names, places and histories; a share carry one to four red-flag scenarios from rule-cases.ts, and some
 * carry innocent "quiet" variants. Seeded PRNG (no Math.random: the engine directory is deterministic).
 */
import { factsSchema, type Facts } from "../facts";
import { cleanFacts, deepMerge, type FactsOverrides } from "./make-facts";
import { RULE_CASES } from "./rule-cases";

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GIVEN = ["Jordan", "Alex", "Maria", "Wei", "Priya", "Sam", "Fatima", "Lucas", "Aiko", "Noah", "Elena", "Omar", "Grace", "Mateo", "Hana", "Ivan", "Chloe", "Kwame", "Sofia", "Daniel", "Leila", "Arjun", "Nora", "Tomás", "Yuki", "Ethan", "Amara", "Jonas", "Mei", "Diego"];
const FAMILY = ["Miller", "Garcia", "Chen", "Patel", "Okafor", "Nguyen", "Schmidt", "Rossi", "Kowalski", "Silva", "Kim", "Haddad", "Johnson", "Novak", "Tanaka", "Dubois", "Larsen", "Moreau", "Ali", "Fischer", "Brown", "Lopez", "Sato", "Ivanova", "Mensah", "Costa", "Weber", "Park", "Singh", "Murphy"];
const PLACES: { city: string; region: string; country: string; offset: number; street: string; postal: string }[] = [
  { city: "Columbus", region: "OH", country: "US", offset: -300, street: "Oak Street", postal: "43215" },
  { city: "Austin", region: "TX", country: "US", offset: -360, street: "Congress Avenue", postal: "78701" },
  { city: "Seattle", region: "WA", country: "US", offset: -480, street: "Pine Street", postal: "98101" },
  { city: "Toronto", region: "ON", country: "CA", offset: -300, street: "King Street West", postal: "M5H 1J9" },
  { city: "London", region: "ENG", country: "GB", offset: 0, street: "Baker Street", postal: "NW1 6XE" },
  { city: "Berlin", region: "BE", country: "DE", offset: 60, street: "Torstraße", postal: "10119" },
  { city: "Warsaw", region: "MZ", country: "PL", offset: 60, street: "Marszałkowska", postal: "00-001" },
  { city: "Lisbon", region: "11", country: "PT", offset: 0, street: "Rua Augusta", postal: "1100-048" },
];
const EMPLOYERS = ["Northwind Analytics", "Contoso Health", "Fabrikam Logistics", "Tailspin Games", "Adatum Security", "Litware Labs", "Proseware", "Wide World Importers", "Blue Yonder Air", "Woodgrove Bank", "Coho Winery", "Lucerne Publishing"];
const SKILLS: [string, number][] = [["TypeScript", 2013], ["React", 2014], ["Go", 2012], ["Rust", 2016], ["Kubernetes", 2016], ["Docker", 2014], ["PostgreSQL", 2008], ["Python", 2005], ["Kotlin", 2015], ["Terraform", 2016]];

const FIRE_IDS = Object.keys(RULE_CASES);

function pick<T>(rnd: () => number, xs: readonly T[]): T {
  return xs[Math.floor(rnd() * xs.length)];
}

/** Overrides that turn the clean profile into a different, still clean person. */
function variedBase(rnd: () => number, i: number): FactsOverrides {
  const given = pick(rnd, GIVEN);
  const middle = String.fromCharCode(65 + Math.floor(rnd() * 26));
  const family = pick(rnd, FAMILY);
  const legal = `${given} ${middle}. ${family}`;
  const p = pick(rnd, PLACES);
  const line1 = `${1 + Math.floor(rnd() * 9000)} ${p.street}`;
  const start1 = 2008 + Math.floor(rnd() * 8);
  const switchYear = start1 + 2 + Math.floor(rnd() * 5);
  const e1 = pick(rnd, EMPLOYERS);
  let e2 = pick(rnd, EMPLOYERS);
  if (e2 === e1) e2 = `${e2} Group`;
  const skills = SKILLS.filter(() => rnd() < 0.4).map(([name, y]) => ({ name, firstUsedYear: y + Math.floor(rnd() * 6) }));
  const address = { line1, city: p.city, region: p.region, postalCode: p.postal, country: p.country };
  const ip = (context: "application" | "interview", at: string) => ({ context, at, country: p.country, asn: 7922 + (i % 50), isHosting: false, isVpn: false, isProxy: false, isTor: false });
  return {
    candidate: {
      id: `gen-${i}`,
      legalName: legal,
      names: [
        { source: "application", name: `${given} ${family}` },
        { source: "resume", name: legal },
        { source: "onlineProfile", name: `${given} ${family}` },
      ],
      email: `${given}.${family}.${i}@example.com`.toLowerCase(),
      claimedLocation: { city: p.city, region: p.region, country: p.country, utcOffsetMinutes: p.offset },
      homeAddress: address,
    },
    role: { country: p.country },
    enrichment: {
      ip: [ip("application", "2026-09-01T14:00:00Z"), ip("interview", "2026-09-10T15:00:00Z")],
      phone: { valid: true, country: p.country, lineType: "mobile", firstSeenAt: "2016-03-01" },
      activity: { shareInClaimedWorkHours: 0.6 + rnd() * 0.35, bestFitUtcOffsetMinutes: p.offset, claimedUtcOffsetMinutes: p.offset, sampleSize: 50 + Math.floor(rnd() * 400) },
    },
    onboarding: {
      payment: { payeeName: `${given} ${family}`, accountHolderName: legal },
      equipment: { shipTo: { ...address, isFreightForwarder: false } },
      devices: [{ shippedSerial: `SN${i}X`, reportedSerial: `SN${i}X`, firstOnlineCountry: p.country, firstOnlineViaVpn: false, remoteAccessTools: [], ipKvmDetected: false, malwareDetected: false }],
    },
    workHistory: [
      { employerName: e1, start: `${start1}-0${1 + Math.floor(rnd() * 9)}-01`, end: `${switchYear}-0${1 + Math.floor(rnd() * 3)}-28`, fullTime: true, verification: { method: "independent_contact", outcome: "verified" } },
      { employerName: e2, start: `${switchYear}-0${4 + Math.floor(rnd() * 5)}-01`, current: true, fullTime: true, verification: { method: "independent_contact", outcome: rnd() < 0.7 ? "verified" : "pending" } },
    ],
    skills,
    application: { claimedYearsExperience: 2026 - start1 },
  };
}

export type PipelineStage = "application" | "interview" | "onboarded";

/** Facts that do not exist yet at a stage are unknown (absent), as they would be in a real screening. */
const STAGE_TRIM: Record<PipelineStage, FactsOverrides> = {
  application: { interviews: undefined, accommodation: undefined, communication: undefined, offer: undefined, onboarding: undefined, activity: undefined, postHire: undefined, references: undefined },
  interview: { offer: undefined, onboarding: undefined, activity: undefined, postHire: undefined },
  onboarded: {},
};

export interface GenerateOptions {
  seed?: number;
  /** Share of profiles that carry at least one red-flag scenario. */
  riskyShare?: number;
  /** Share of profiles at each stage (default 40% application, 35% interview, 25% onboarded). */
  stageShares?: Record<PipelineStage, number>;
}

/** `count` valid fact sets, identical for the same seed. */
export function generateFacts(
  count: number,
  { seed = 20260827, riskyShare = 0.35, stageShares = { application: 0.4, interview: 0.35, onboarded: 0.25 } }: GenerateOptions = {},
): Facts[] {
  const rnd = mulberry32(seed);
  const out: Facts[] = [];
  for (let i = 0; i < count; i++) {
    let f: unknown = deepMerge(cleanFacts(), variedBase(rnd, i));
    const u = rnd();
    const stage: PipelineStage = u < stageShares.application ? "application" : u < stageShares.application + stageShares.interview ? "interview" : "onboarded";
    f = deepMerge(f, STAGE_TRIM[stage]);
    if (rnd() < riskyShare) {
      const n = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < n; k++) f = deepMerge(f, pick(rnd, pick(rnd, FIRE_IDS.map((id) => RULE_CASES[id].fires))).facts);
    } else if (rnd() < 0.3) {
      f = deepMerge(f, pick(rnd, pick(rnd, FIRE_IDS.map((id) => RULE_CASES[id].quiet))).facts);
    }
    out.push(factsSchema.parse(f));
  }
  return out;
}

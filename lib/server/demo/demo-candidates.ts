import "server-only";
import { cleanFacts, deepMerge, mulberry32, type FactsOverrides } from "@/lib/engine/testing";
import type { CandidateSubmissionInput, ProfileInput } from "@/lib/schemas/profile";
import type { Stage } from "@/lib/schemas/candidate";

// About 210 clearly fictional candidates for the embedded demo: mostly clean, some with one innocent flag, a few
// high-risk, and one laptop-farm cluster sharing a ship-to address and a phone. Emails are @example.org/.net,
// phones are 555 numbers, IPs come from documentation-free public ranges chosen for their network type only.

const FIRST = ["Jordan", "Priya", "Mateo", "Hannah", "Daniel", "Emily", "Aisha", "Lucas", "Sofia", "Noah", "Mei", "Omar", "Chloe", "Ethan", "Leila", "Ravi", "Grace", "Diego", "Nora", "Samuel", "Yuki", "Fatima", "Liam", "Elena", "Kwame", "Ingrid", "Tomas", "Amara", "Felix", "Zara"];
const LAST = ["Avery", "Natarajan", "Fernández", "Okafor", "Kim", "Chen", "Rahman", "Silva", "Rossi", "Becker", "Tanaka", "Haddad", "Dubois", "Walker", "Moradi", "Iyer", "Thompson", "Ortega", "Lindqvist", "Mensah", "Park", "Novak", "Murphy", "Costa", "Schmidt", "Adeyemi", "Nguyen", "Larsen", "Cohen", "Patel"];
// Fictional-use phone ranges: US 555-0100..0199, UK 020 7946 0000..0999 (Ofcom drama numbers).
const PLACES: { city: string; region: string; country: string; phone: (n: number) => string; ip: string }[] = [
  { city: "Columbus", region: "OH", country: "US", phone: (n) => `+1 614 555 01${String(n).padStart(2, "0")}`, ip: "73.22.10." },
  { city: "Austin", region: "TX", country: "US", phone: (n) => `+1 512 555 01${String(n).padStart(2, "0")}`, ip: "73.22.11." },
  { city: "Seattle", region: "WA", country: "US", phone: (n) => `+1 206 555 01${String(n).padStart(2, "0")}`, ip: "24.5.100." },
  { city: "Chicago", region: "IL", country: "US", phone: (n) => `+1 312 555 01${String(n).padStart(2, "0")}`, ip: "73.22.12." },
  { city: "Denver", region: "CO", country: "US", phone: (n) => `+1 303 555 01${String(n).padStart(2, "0")}`, ip: "24.5.101." },
  { city: "London", region: "England", country: "GB", phone: (n) => `+44 20 7946 0${String(n).padStart(3, "0")}`, ip: "81.2.69." },
];
const EMPLOYERS = ["Northwind Analytics Inc.", "Contoso Health", "Fabrikam Logistics", "Tailspin Software", "Adventure Works Cycles", "Litware Systems", "Proseware Labs", "Wingtip Retail"];
const ROLES = ["Software Engineer", "Senior Software Engineer", "Frontend Developer", "Data Engineer", "DevOps Engineer", "Mobile Developer"];
const LAPTOP_FARM = { line1: "1918 W Thomas Rd", city: "Phoenix", region: "AZ", postalCode: "85015", country: "US" };
const FARM_PHONE = "+1 602 555 0199";

type Demo = { submission: CandidateSubmissionInput; daysAgo: number };

const STAGES_BY_INDEX: Stage[] = ["APPLICATION", "APPLICATION", "INTERVIEW", "INTERVIEW", "OFFER", "ONBOARDING", "HIRED"];

function toProfile(overrides: FactsOverrides, stage: Stage, observations: ProfileInput["observations"]): ProfileInput {
  const facts = deepMerge(cleanFacts(), overrides) as ReturnType<typeof cleanFacts>;
  const { enrichment: _e, sanctions: _s, linkage: _l, ...profile } = facts;
  if (stage === "APPLICATION") {
    delete profile.interviews;
    delete profile.offer;
    delete profile.onboarding;
    delete profile.activity;
    delete profile.postHire;
  } else if (stage === "INTERVIEW") {
    delete profile.offer;
    delete profile.onboarding;
    delete profile.activity;
    delete profile.postHire;
  } else if (stage === "OFFER") {
    delete profile.onboarding;
    delete profile.activity;
    delete profile.postHire;
  }
  if (profile.candidate) delete profile.candidate.id;
  return { ...profile, observations } as ProfileInput;
}

/** Work-hours activity in the claimed zone (UTC offset hours), deterministic. */
function activity(offsetHours: number, rand: () => number, count = 24): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const day = 1 + Math.floor(rand() * 27);
    const localHour = 9 + Math.floor(rand() * 8);
    const utc = new Date(Date.UTC(2026, 9, day, localHour - offsetHours, Math.floor(rand() * 60)));
    out.push(utc.toISOString());
  }
  return out;
}

export function demoCandidates(): Demo[] {
  const rand = mulberry32(20260827);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const demos: Demo[] = [];
  const used = new Set<string>();

  function person(i: number, placeIndex = i % PLACES.length) {
    let first = pick(FIRST);
    let last = pick(LAST);
    while (used.has(`${first} ${last}`)) {
      first = pick(FIRST);
      last = pick(LAST);
    }
    used.add(`${first} ${last}`);
    const place = PLACES[placeIndex];
    const slug = `${first}.${last}`.toLowerCase().normalize("NFD").replace(/[^a-z.]/g, "");
    return {
      name: `${first} ${last}`,
      email: `${slug}${i}@example.org`,
      phone: place.phone(Math.floor(i / PLACES.length)),
      place,
      ip: `${place.ip}${10 + (i % 200)}`,
    };
  }

  function base(i: number, p: ReturnType<typeof person>): FactsOverrides {
    const employerA = pick(EMPLOYERS);
    const employerB = pick(EMPLOYERS.filter((e) => e !== employerA));
    return {
      candidate: {
        legalName: p.name,
        names: [{ source: "application", name: p.name }, { source: "resume", name: p.name }],
        email: p.email,
        phone: p.phone,
        claimedLocation: { city: p.place.city, region: p.place.region, country: p.place.country, utcOffsetMinutes: null },
        homeAddress: { line1: `${100 + i} Maple Avenue`, city: p.place.city, region: p.place.region, postalCode: null, country: p.place.country },
      },
      role: { title: pick(ROLES), country: p.place.country },
      onboarding: {
        devices: [{ assetTag: `LT-${1000 + i}`, shippedSerial: `C02DEMO${i}`, reportedSerial: `C02DEMO${i}`, firstOnlineAt: "2026-10-15T13:05:00Z", firstOnlineCountry: p.place.country, firstOnlineViaVpn: false, remoteAccessTools: [], ipKvmDetected: false, malwareDetected: false }],
        payment: { payeeName: p.name, accountHolderName: p.name },
        equipment: { shipTo: { line1: `${100 + i} Maple Avenue`, city: p.place.city, region: p.place.region, postalCode: null, country: p.place.country, isFreightForwarder: false } },
      },
      workHistory: [
        { employerName: employerA, title: "Software Engineer", start: "2017-06-01", end: "2021-12-31", fullTime: true, verification: { method: "independent_contact", outcome: "verified" }, employerCheck: { websiteFabricated: false, registeredEntityFound: true } },
        { employerName: employerB, title: "Senior Software Engineer", start: "2022-02-01", current: true, fullTime: true, verification: { method: "independent_contact", outcome: "verified" }, employerCheck: { websiteFabricated: false, registeredEntityFound: true } },
      ],
    };
  }

  const offsetFor = (country: string) => (country === "GB" ? 0 : -5);

  // Clean candidates.
  for (let i = 0; i < 160; i++) {
    const p = person(i);
    const stage = STAGES_BY_INDEX[i % STAGES_BY_INDEX.length];
    demos.push({
      daysAgo: 60 - Math.floor((i * 60) / 200),
      submission: {
        externalId: `DEMO-${1000 + i}`,
        stage,
        profile: toProfile(base(i, p), stage, {
          ips: [{ ip: p.ip, context: "application", at: "2026-09-01T14:00:00Z" }],
          activityTimestamps: activity(offsetFor(p.place.country), rand),
          resumeText: `${p.name}. ${ROLES[i % ROLES.length]} with experience in TypeScript, React and PostgreSQL at ${EMPLOYERS[i % EMPLOYERS.length]}. Built ${["billing", "search", "analytics", "mobile", "payments"][i % 5]} systems; led a team of ${2 + (i % 6)}; interested in ${["reliability", "accessibility", "data quality", "developer tooling"][i % 4]}.`,
        }),
      },
    });
  }

  // One innocent flag each: a VPN user, a new graduate with a new GitHub, a night-shift worker, a VoIP number, a
  // married name change with a documented record, a deaf candidate who used the notary path.
  const innocent: { label: string; overrides: (p: ReturnType<typeof person>) => FactsOverrides; ip?: string; place?: number }[] = [
    { label: "vpn", overrides: () => ({}), ip: "89.187.160.1" },
    { label: "new-grad", overrides: () => ({ onlineProfiles: [{ platform: "github", url: "https://github.com/example-grad", createdAt: "2026-08-20", matchesResume: true, nameOrHandleChanges: 0 }], education: [{ institution: "State University", credential: "BSc", end: "2026-06-01", verification: { method: "third_party_service", outcome: "verified" } }] }) },
    // A UK VoIP number (detectable offline) for someone who really is in London.
    { label: "voip", overrides: (p) => ({ candidate: { phone: `+44 56 1234 5${(p.ip.split(".").pop() ?? "0").padStart(3, "0")}` } }), place: 5 },
    { label: "name-change", overrides: (p) => ({ candidate: { names: [{ source: "application", name: p.name }, { source: "idDocument", name: `${p.name.split(" ")[0]} Whitfield` }], nameChange: { documented: true, previousNames: [`${p.name.split(" ")[0]} Whitfield`] } } }) },
    { label: "notary", overrides: () => ({ interviews: [{ round: 1, at: "2026-09-10T15:00:00Z", mode: "text", cameraDeclined: true }], accommodation: { requested: true, reason: "disability", alternativePath: "notary", alternativePathCompleted: true } }) },
  ];
  for (let k = 0; k < 25; k++) {
    const i = 160 + k;
    const spec = innocent[k % innocent.length];
    const p = person(i, spec.place);
    const ov = spec.overrides(p);
    const stage = STAGES_BY_INDEX[(k + 2) % STAGES_BY_INDEX.length];
    demos.push({
      daysAgo: 30 - k,
      submission: {
        externalId: `DEMO-${1000 + i}`,
        stage,
        profile: toProfile(deepMerge(base(i, p), ov), stage, {
          ips: [{ ip: spec.ip ? spec.ip.replace(/\.1$/, `.${1 + k}`) : p.ip, context: "application", at: "2026-09-01T14:00:00Z" }],
          activityTimestamps: activity(offsetFor(p.place.country), rand),
        }),
      },
    });
  }

  // High risk: the advisories' patterns, in combination.
  const risky: FactsOverrides[] = [
    { interviews: [{ round: 1, at: "2026-09-10T15:00:00Z", mode: "video", cameraDeclined: true }, { round: 2, at: "2026-09-17T16:00:00Z", mode: "video", faceMatchesEarlierRounds: false }], accommodation: { requested: false }, communication: { insistsOnTextOnly: true } },
    { onboarding: { payment: { requestedMethods: ["crypto"], payeeName: "Hopana Tech LLC" }, equipment: { shipTo: { line1: "88 Harbor Freight Way", city: "Miami", region: "FL", country: "US", isFreightForwarder: true }, shipToChanges: [{ at: "2026-10-16T09:00:00Z", to: { line1: "88 Harbor Freight Way", city: "Miami", region: "FL", country: "US" } }] } } },
    { workHistory: [{ employerName: "Independent Lab LLC", title: "Engineer", start: "2020-01-01", current: true, fullTime: true, verification: { method: "candidate_supplied_contact", outcome: "unverifiable" } }, { employerName: "Tony WKJ LLC", title: "Engineer", start: "2021-01-01", current: true, fullTime: true, verification: { method: "none", outcome: "unverifiable" } }], skills: [{ name: "Rust", firstUsedYear: 2008 }] },
    { onboarding: { devices: [{ assetTag: "LT-9001", shippedSerial: "C02AAA111", reportedSerial: "C02ZZZ999", firstOnlineCountry: "CN", remoteAccessTools: ["AnyDesk", "TeamViewer"], ipKvmDetected: true }] }, communication: { prepaymentRequests: 3, hostileWhenRefused: true } },
    { sourcing: { channel: "staffing_agency", agency: { name: "Bright Bridge Staffing", allowsDirectVerification: false } }, onboarding: { identityProofing: { documentCheck: { result: "failed", anomalies: ["photo replaced"], checkedBy: "vendor" }, alternativeProofing: { offeredToAllAtStage: true, outcome: "declined", method: "notary" } } } },
  ];
  for (let k = 0; k < 10; k++) {
    const i = 185 + k;
    const p = person(i);
    demos.push({
      daysAgo: 20 - k,
      submission: {
        externalId: `DEMO-${1000 + i}`,
        stage: k % 2 ? "ONBOARDING" : "OFFER",
        profile: toProfile(deepMerge(base(i, p), risky[k % risky.length]), "ONBOARDING", {
          ips: [
            { ip: k % 2 ? "3.5.140.2" : "104.131.0.1", context: "application", at: "2026-09-01T14:00:00Z" },
            { ip: "3.5.140.2", context: "interview", at: "2026-09-10T15:00:00Z" },
          ],
          activityTimestamps: activity(9, rand),
        }),
      },
    });
  }

  // A laptop farm: five "different people" whose company laptops all go to one residence, sharing a phone.
  for (let k = 0; k < 5; k++) {
    const i = 195 + k;
    const p = person(i);
    const farmAddress = k % 2 ? { ...LAPTOP_FARM, line1: "1918 West Thomas Road" } : LAPTOP_FARM;
    demos.push({
      daysAgo: 12 - k * 2,
      submission: {
        externalId: `DEMO-${1000 + i}`,
        stage: "ONBOARDING",
        profile: toProfile(
          deepMerge(base(i, p), {
            candidate: { phone: FARM_PHONE, claimedLocation: { city: "Phoenix", region: "AZ", country: "US" } },
            onboarding: { equipment: { shipTo: { ...farmAddress, isFreightForwarder: false } } },
          }),
          "ONBOARDING",
          { ips: [{ ip: "104.131.0.1", context: "interview", at: "2026-10-01T02:00:00Z" }], deviceFingerprints: [`fp-farm-${k % 2}`], activityTimestamps: activity(9, rand) },
        ),
      },
    });
  }
  // What the corroboration model changes (compare ruleset version 2 with version 1 on the Rulesets page): people with
  // one explainable circumstance counted twice under engine 1, and schemes whose signals only corroborate each other.
  const showcase: { label: string; overrides: FactsOverrides; stage: Stage }[] = [
    // Relocating: the laptop goes to a parent's address in another state, changed two days before shipping.
    {
      label: "relocation",
      stage: "ONBOARDING",
      overrides: {
        offer: { startDate: "2026-11-16" },
        onboarding: {
          equipment: {
            shipTo: { line1: "42 Orchard Lane", city: "Rochester", region: "NY", postalCode: "14604", country: "US", isFreightForwarder: false },
            shippedAt: "2026-11-09T15:00:00Z",
            shipToChanges: [{ at: "2026-11-07T10:00:00Z", to: { line1: "42 Orchard Lane", city: "Rochester", region: "NY", postalCode: "14604", country: "US" } }],
          },
        },
      },
    },
    // Private: no camera in the first round, prefers writing; nothing else.
    { label: "private", stage: "INTERVIEW", overrides: { interviews: [{ round: 1, at: "2026-09-10T15:00:00Z", mode: "video", cameraDeclined: true }], accommodation: { requested: false }, communication: { insistsOnTextOnly: true } } },
    // The scheme, two independent signals: a face that breaks up behind a hand, and no look at the surroundings.
    { label: "deepfake-and-location", stage: "INTERVIEW", overrides: { interviews: [{ round: 1, at: "2026-09-12T16:00:00Z", mode: "video", handInFrontOfFaceCheck: "failed", surroundingsCheck: "declined" }] } },
  ];
  for (let k = 0; k < 9; k++) {
    const i = 200 + k;
    const spec = showcase[k % showcase.length];
    const p = person(i);
    demos.push({
      daysAgo: 9 - k,
      submission: {
        externalId: `DEMO-${1000 + i}`,
        stage: spec.stage,
        profile: toProfile(deepMerge(base(i, p), spec.overrides), spec.stage, {
          ips: [{ ip: p.ip, context: "application", at: "2026-09-01T14:00:00Z" }],
          activityTimestamps: activity(offsetFor(p.place.country), rand),
        }),
      },
    });
  }
  return demos;
}

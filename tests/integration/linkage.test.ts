import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { hmacIdentifier } from "@/lib/enrichment/linkage";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { findCandidateLinks } from "@/lib/server/linkage/find-candidate-links";
import { toIdentifierRows, type LinkageInput } from "@/lib/server/linkage/linkage-input";
import { recordCandidateLinkage } from "../support/record-candidate-linkage";
import { createTestUser } from "../support/factories";

let recruiter: Actor;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
});

const secret = () => process.env.LINK_HMAC_SECRET as string;

function emptyInput(overrides: Partial<LinkageInput> = {}): LinkageInput {
  return { emails: [], phones: [], addresses: [], shipTo: [], deviceFingerprints: [], ips: [], bankAccounts: [], govIds: [], employers: [], ...overrides };
}

async function createCandidate(fullName: string, email = `${randomUUID().slice(0, 8)}@example.org`) {
  const row = await getDb().candidate.create({
    data: { fullName, email, createdById: recruiter.id, updatedById: recruiter.id },
    select: { id: true, fullName: true, email: true },
  });
  return row;
}

/** Creates a candidate and records its linkage in one transaction, as the screening will. */
async function candidateWith(fullName: string, input: LinkageInput) {
  const candidate = await createCandidate(fullName, input.emails[0]);
  await getDb().$transaction((tx) => recordCandidateLinkage(tx, { candidateId: candidate.id, input }));
  return candidate;
}

/** Deterministic pseudo-random words, so résumé texts are long and distinct. */
function resumeText(seed: number, words = 260): string {
  const vocabulary = ("senior software engineer react node typescript kubernetes aws docker postgres graphql " +
    "designed built led migrated scaled team microservices payments platform latency reduced improved delivered " +
    "customers mobile android ios swift kotlin java spring python django data pipeline spark kafka airflow " +
    "testing ci cd terraform security compliance startup fintech ecommerce healthcare logistics remote contract").split(" ");
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state ^ (state >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return state;
  };
  return Array.from({ length: words }, () => vocabulary[next() % vocabulary.length]).join(" ");
}

function tag() {
  return randomUUID().replace(/-/g, "").slice(0, 10);
}

describe("toIdentifierRows", () => {
  it("normalises, de-duplicates and skips empty values", () => {
    const rows = toIdentifierRows(emptyInput({
      emails: ["John.Smith+jobs@Gmail.com", "johnsmith@gmail.com", "not an email"],
      phones: [{ number: "(602) 555-0147", claimedCountry: "US" }, { number: "+1 602 555 0147" }, { number: "12" }],
      addresses: [{ line1: "1918 W Thomas Rd", city: "Phoenix", region: "AZ", postalCode: "85015-1234" }, {}],
      employers: ["Acme Staffing LLC", "ACME Staffing, Inc.", "   "],
      deviceFingerprints: ["  ABCDEF  ", "abcdef"],
    }));
    expect(rows).toEqual([
      { kind: "EMAIL", value: "johnsmith@gmail.com", last4: null },
      { kind: "PHONE", value: "+16025550147", last4: null },
      { kind: "ADDRESS", value: "1918 w thomas rd phoenix 85015", last4: null },
      { kind: "DEVICE", value: "abcdef", last4: null },
      { kind: "EMPLOYER", value: "acme staffing", last4: null },
    ]);
  });

  it("refuses a bank or ID number that is not an HMAC digest", () => {
    expect(() => toIdentifierRows(emptyInput({ bankAccounts: [{ hash: "000123456789", last4: "6789" }] }))).toThrow(/HMAC/);
    expect(() => toIdentifierRows(emptyInput({ govIds: [{ hash: "123-45-6789", last4: "6789" }] }))).toThrow(/HMAC/);
  });
});

describe("recordCandidateLinkage + findCandidateLinks", () => {
  it("links a candidate to the two others sharing its phone, device and ship-to address, with who they are", async () => {
    const t = tag();
    const phone = `+1 602 555 ${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const device = `fp-${t}`;
    const farm = { line1: `${Math.floor(Math.random() * 9000) + 100} N ${t} Street`, line2: "Apt 4B", city: "Phoenix", region: "AZ", postalCode: "85015" };
    const shared = { phones: [{ number: phone }], deviceFingerprints: [device], shipTo: [farm] };
    const b = await candidateWith(`Brian Miller ${t}`, emptyInput({ emails: [`brian.${t}@example.com`], ...shared }));
    const c = await candidateWith(`Carla Gomez ${t}`, emptyInput({ emails: [`carla.${t}@example.com`], ...shared }));
    await candidateWith(`Unrelated Person ${t}`, emptyInput({ emails: [`u.${t}@example.com`], phones: [{ number: "+1 415 555 0199" }] }));
    const a = await candidateWith(`Alex Chen ${t}`, emptyInput({
      emails: [`alex.${t}@example.com`],
      phones: [{ number: phone.replace("+1 ", "").replace(/ /g, "-"), claimedCountry: "US" }],
      deviceFingerprints: [device.toUpperCase()],
      shipTo: [{ ...farm, line1: farm.line1.replace(" N ", " North ").replace("Street", "St"), line2: "Unit 4b" }],
    }));

    const links = await findCandidateLinks(getDb(), { candidateId: a.id });
    const expectedOthers = [b, c].map(({ id, fullName, email }) => ({ id, fullName, email })).sort((x, y) => x.fullName.localeCompare(y.fullName));
    expect(links.sharedIdentifiers.map((s) => s.kind)).toEqual(["DEVICE", "PHONE"]);
    for (const s of links.sharedIdentifiers) {
      expect(s.others).toEqual(expectedOthers);
      expect(s).toMatchObject({ otherCount: 2, otherCountCapped: false, otherNamesDiffer: true });
    }
    expect(links.sharedIdentifiers[0].display).toBe(device);
    expect(links.sharedIdentifiers[1].display).toMatch(/^\+1602555\d{4}$/);
    expect(links.sharedShipTo).toEqual({
      display: expect.stringContaining("# 4b"),
      others: expectedOthers.map(({ id, fullName }) => ({ id, fullName })),
      otherCount: 2,
      otherCountCapped: false,
    });
    expect(links.nearDuplicateResumes).toEqual([]);
    expect(links.recurringEmployers).toEqual([]);
  });

  it('links "1918 W Thomas Rd" with "1918 West Thomas Road"', async () => {
    const t = tag();
    const zip = String(85000 + Math.floor(Math.random() * 999));
    const b = await candidateWith(`Dana Ross ${t}`, emptyInput({ emails: [`dana.${t}@example.com`], addresses: [{ line1: "1918 W Thomas Rd", city: "Phoenix", region: "AZ", postalCode: zip, country: "US" }] }));
    const a = await candidateWith(`Evan Park ${t}`, emptyInput({ emails: [`evan.${t}@example.com`], addresses: [{ line1: "1918 West Thomas Road", city: "PHOENIX", region: "Arizona", postalCode: `${zip}-0001`, country: "United States" }] }));
    const links = await findCandidateLinks(getDb(), { candidateId: a.id });
    expect(links.sharedIdentifiers).toHaveLength(1);
    expect(links.sharedIdentifiers[0]).toMatchObject({ kind: "ADDRESS", display: `1918 w thomas rd phoenix ${zip}`, otherCount: 1 });
    expect(links.sharedIdentifiers[0].others.map((o) => o.id)).toEqual([b.id]);
  });

  it("stores bank and ID numbers only as HMAC + last four, and links on them", async () => {
    const t = tag();
    const account = `${Date.now()}`.slice(-9) + "4321";
    const bank = hmacIdentifier(secret(), "bank-account", account)!;
    const ssn = hmacIdentifier(secret(), "national-id", `9${t.replace(/\D/g, "").padEnd(8, "7").slice(0, 8)}`)!;
    const b = await candidateWith(`Faye Lin ${t}`, emptyInput({ emails: [`faye.${t}@example.com`], bankAccounts: [bank], govIds: [ssn] }));
    const a = await candidateWith(`Gus Hale ${t}`, emptyInput({ emails: [`gus.${t}@example.com`], bankAccounts: [{ ...bank, hash: bank.hash.toUpperCase() }] }));

    const stored = await getDb().candidateIdentifier.findMany({ where: { candidateId: { in: [a.id, b.id] }, kind: { in: ["BANK", "GOV_ID"] } } });
    expect(stored).toHaveLength(3);
    for (const row of stored) expect(row.value).toMatch(/^[0-9a-f]{64}$/);
    const rawHits = await getDb().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM candidate_identifiers WHERE value LIKE ${`%${account}%`} OR value LIKE ${`%${account.slice(0, 9)}%`}`;
    expect(rawHits[0].n).toBe(0);

    const links = await findCandidateLinks(getDb(), { candidateId: a.id });
    expect(links.sharedIdentifiers).toEqual([
      { kind: "BANK", display: "•••• 4321", others: [{ id: b.id, fullName: b.fullName, email: b.email }], otherCount: 1, otherCountCapped: false, otherNamesDiffer: true },
    ]);
  });

  it("flags otherNamesDiffer only when the other candidate's name differs", async () => {
    const t = tag();
    const email = `same.person.${t}@example.com`;
    await candidateWith(`Hana Kim ${t}`, emptyInput({ emails: [email] }));
    const again = await candidateWith(`KIM, Hana ${t}`, emptyInput({ emails: [email.toUpperCase()] }));
    const sameName = await findCandidateLinks(getDb(), { candidateId: again.id });
    expect(sameName.sharedIdentifiers).toMatchObject([{ kind: "EMAIL", display: email, otherCount: 1, otherNamesDiffer: false }]);

    const other = await candidateWith(`Ivan Petrov ${t}`, emptyInput({ emails: [email] }));
    const differ = await findCandidateLinks(getDb(), { candidateId: other.id });
    expect(differ.sharedIdentifiers).toMatchObject([{ kind: "EMAIL", otherCount: 2, otherNamesDiffer: true }]);
  });

  it("finds a near-duplicate résumé and not an unrelated one", async () => {
    const t = tag();
    const seed = Number.parseInt(t.slice(0, 6), 16);
    const original = resumeText(seed);
    const words = original.split(" ");
    for (const i of [40, 130, 220]) words[i] = `changed${i}`;
    const nearCopy = words.join(" ");
    const unrelated = resumeText(seed + 1);

    const b = await candidateWith(`Jon Doe ${t}`, emptyInput({ emails: [`jon.${t}@example.com`], resumeText: original }));
    await candidateWith(`Kai Roe ${t}`, emptyInput({ emails: [`kai.${t}@example.com`], resumeText: unrelated }));
    const a = await candidateWith(`Lee Moe ${t}`, emptyInput({ emails: [`lee.${t}@example.com`], resumeText: nearCopy }));

    const links = await findCandidateLinks(getDb(), { candidateId: a.id });
    expect(links.nearDuplicateResumes).toHaveLength(1);
    expect(links.nearDuplicateResumes[0]).toMatchObject({ candidateId: b.id, fullName: b.fullName });
    expect(links.nearDuplicateResumes[0].similarity).toBeGreaterThanOrEqual(0.8);
    expect(links.nearDuplicateResumes[0].similarity).toBeLessThan(1);

    const strict = await findCandidateLinks(getDb(), { candidateId: a.id, resumeThreshold: 0.99 });
    expect(strict.nearDuplicateResumes).toEqual([]);
    const stored = await getDb().candidateResume.findUniqueOrThrow({ where: { candidateId: a.id } });
    expect(stored.bands).toHaveLength(32);
  });

  it("counts a recurring employer and reports it only there", async () => {
    const t = tag();
    await candidateWith(`Mia Lund ${t}`, emptyInput({ emails: [`mia.${t}@example.com`], employers: [`Nimbus ${t} Staffing LLC`] }));
    await candidateWith(`Ned Ortiz ${t}`, emptyInput({ emails: [`ned.${t}@example.com`], employers: [`NIMBUS ${t} STAFFING, L.L.C.`] }));
    const a = await candidateWith(`Oli Price ${t}`, emptyInput({ emails: [`oli.${t}@example.com`], employers: [`Nimbus ${t} Staffing Inc.`, `Solo ${t} GmbH`] }));
    const links = await findCandidateLinks(getDb(), { candidateId: a.id });
    expect(links.recurringEmployers).toEqual([{ employerName: `nimbus ${t} staffing`, otherCandidateCount: 2, otherCountCapped: false, otherUnverifiedCount: 0 }]);
    expect(links.sharedIdentifiers).toEqual([]);

    const capped = await findCandidateLinks(getDb(), { candidateId: a.id, countCap: 1 });
    expect(capped.recurringEmployers).toEqual([{ employerName: `nimbus ${t} staffing`, otherCandidateCount: 1, otherCountCapped: true, otherUnverifiedCount: 0 }]);
  });

  it("counts the earlier applicants whose check of a recurring employer failed (LNK-06)", async () => {
    const t = tag();
    const front = `Hopana ${t} Tech LLC`;
    await candidateWith(`Pia Quinn ${t}`, emptyInput({ emails: [`pia.${t}@example.com`], employers: [front], unverifiedEmployers: [front] }));
    await candidateWith(`Ray Stone ${t}`, emptyInput({ emails: [`ray.${t}@example.com`], employers: [`HOPANA ${t} TECH`], unverifiedEmployers: [`HOPANA ${t} TECH`] }));
    await candidateWith(`Sue Tran ${t}`, emptyInput({ emails: [`sue.${t}@example.com`], employers: [front] }));
    const a = await candidateWith(`Tom Udal ${t}`, emptyInput({ emails: [`tom.${t}@example.com`], employers: [front], unverifiedEmployers: [front] }));
    const links = await findCandidateLinks(getDb(), { candidateId: a.id });
    // Its own failed check is not counted among the others'; the EMPLOYER_UNVERIFIED rows never show as shared identifiers.
    expect(links.recurringEmployers).toEqual([{ employerName: `hopana ${t} tech`, otherCandidateCount: 3, otherCountCapped: false, otherUnverifiedCount: 2 }]);
    expect(links.sharedIdentifiers).toEqual([]);
  });

  it("caps the listed others and still counts them", async () => {
    const t = tag();
    const ip = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const device = `shared-vm-${t}`;
    for (let i = 0; i < 4; i++) await candidateWith(`Person ${i} ${t}`, emptyInput({ emails: [`p${i}.${t}@example.com`], deviceFingerprints: [device], ips: [ip] }));
    const a = await candidateWith(`Quinn Ray ${t}`, emptyInput({ emails: [`quinn.${t}@example.com`], deviceFingerprints: [device] }));
    const links = await findCandidateLinks(getDb(), { candidateId: a.id, othersLimit: 2 });
    expect(links.sharedIdentifiers).toHaveLength(1);
    expect(links.sharedIdentifiers[0]).toMatchObject({ kind: "DEVICE", otherCount: 4 });
    expect(links.sharedIdentifiers[0].others).toHaveLength(2);
  });

  it("reports the first-seen date of an email and phone as the earliest across candidates", async () => {
    const t = tag();
    const email = `first.${t}@example.com`;
    const phone = `+44 20 7946 ${String(Math.floor(Math.random() * 9000) + 1000)}`;
    const early = await candidateWith(`Rae Stone ${t}`, emptyInput({ emails: [email] }));
    const mid = await candidateWith(`Sam Tate ${t}`, emptyInput({ emails: [`sam.${t}@example.com`], phones: [{ number: phone }] }));
    await getDb().$executeRaw`UPDATE candidate_identifiers SET created_at = '2021-03-04T05:06:07Z' WHERE candidate_id = ${early.id}::uuid AND kind = 'EMAIL'`;
    await getDb().$executeRaw`UPDATE candidate_identifiers SET created_at = '2022-01-02T00:00:00Z' WHERE candidate_id = ${mid.id}::uuid AND kind = 'PHONE'`;
    const a = await candidateWith(`Uma Vance ${t}`, emptyInput({ emails: [email], phones: [{ number: phone }] }));
    const links = await findCandidateLinks(getDb(), { candidateId: a.id });
    expect(links.firstSeen).toEqual({ email: new Date("2021-03-04T05:06:07Z"), phone: new Date("2022-01-02T00:00:00Z") });

    const alone = await candidateWith(`Vic Wong ${t}`, emptyInput({ emails: [`vic.${t}@example.com`] }));
    const own = await getDb().candidateIdentifier.findFirstOrThrow({ where: { candidateId: alone.id, kind: "EMAIL" } });
    expect((await findCandidateLinks(getDb(), { candidateId: alone.id })).firstSeen).toEqual({ email: own.createdAt });
  });

  it("is idempotent: recording twice adds no rows and keeps first-seen dates", async () => {
    const t = tag();
    const input = emptyInput({
      emails: [`twice.${t}@example.com`],
      phones: [{ number: "+1 212 555 0123" }],
      deviceFingerprints: [`dev-${t}`],
      employers: [`Twice ${t} Corp`],
      bankAccounts: [hmacIdentifier(secret(), "bank-account", `99${t}`)!],
      resumeText: resumeText(7),
    });
    const a = await candidateWith(`Wes Young ${t}`, input);
    const db = getDb();
    const before = await db.candidateIdentifier.findMany({ where: { candidateId: a.id }, orderBy: [{ kind: "asc" }, { value: "asc" }] });
    expect(before).toHaveLength(5);
    await db.$executeRaw`UPDATE candidate_identifiers SET created_at = '2020-01-01T00:00:00Z' WHERE candidate_id = ${a.id}::uuid`;

    const again = await db.$transaction((tx) => recordCandidateLinkage(tx, { candidateId: a.id, input: { ...input, emails: [...input.emails, `new.${t}@example.com`] } }));
    expect(again).toMatchObject({ identifierCount: 6, identifiersAdded: 1 });
    const after = await db.candidateIdentifier.findMany({ where: { candidateId: a.id }, orderBy: [{ kind: "asc" }, { value: "asc" }] });
    expect(after).toHaveLength(6);
    expect(after.filter((r) => r.value !== `new.${t}@example.com`).every((r) => r.createdAt.toISOString() === "2020-01-01T00:00:00.000Z")).toBe(true);
    // Identifiers once presented stay as evidence: a later, shorter input removes nothing.
    await db.$transaction((tx) => recordCandidateLinkage(tx, { candidateId: a.id, input: emptyInput() }));
    expect(await db.candidateIdentifier.count({ where: { candidateId: a.id } })).toBe(6);
    expect(await db.candidateResume.count({ where: { candidateId: a.id } })).toBe(1);
  });

  it("rolls back with the caller's transaction", async () => {
    const t = tag();
    const a = await createCandidate(`Xan Zed ${t}`);
    await expect(
      getDb().$transaction(async (tx) => {
        await recordCandidateLinkage(tx, { candidateId: a.id, input: emptyInput({ emails: [`rollback.${t}@example.com`], resumeText: resumeText(3) }) });
        throw new Error("screening failed");
      }),
    ).rejects.toThrow("screening failed");
    expect(await getDb().candidateIdentifier.count({ where: { candidateId: a.id } })).toBe(0);
    expect(await getDb().candidateResume.count({ where: { candidateId: a.id } })).toBe(0);
  });
});

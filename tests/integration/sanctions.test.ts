import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { getActiveSanctionsIndex, invalidateActiveSanctionsIndex } from "@/lib/server/sanctions/get-active-sanctions-index";
import { importSanctionsList } from "@/lib/server/sanctions/import-sanctions-list";
import { listSanctionsLists } from "@/lib/server/sanctions/list-sanctions-lists";
import { loadSanctionsList } from "@/lib/server/sanctions/load-sanctions-list";
import { sanctionsContentHash } from "@/lib/server/sanctions/parse-sanctions-files";
import { MAX_SANCTIONS_FILE_BYTES, sanctionsUploadSchema } from "@/lib/server/sanctions/sanctions-upload-schema";
import { screenSanctions } from "@/lib/server/sanctions/screen-sanctions";
import { createSystemActor } from "@/lib/server/sanctions/system-actor";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { createTestUser } from "../support/factories";

const FIXTURES = path.join(import.meta.dirname, "../fixtures/ofac");
// Shared reference data outside the repository (never copied in): the real 2021 list in OFAC's legacy CSV format.
const REAL_2021 = path.join(import.meta.dirname, "../../../shared/data/ofac-sdn-2021");

const file = (name: string, dir = FIXTURES) => ({ name, content: readFileSync(path.join(dir, name), "utf8") });
const csvSet = () => [file("sdn.csv"), file("alt.csv"), file("add.csv")];
const PUBLISHED = new Date("2025-11-04T00:00:00Z");
const meta = { ip: "203.0.113.9", userAgent: "vitest" };

let admin: Actor;
let recruiter: Actor;
let listsBefore = 0;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  recruiter = await createTestUser("RECRUITER");
  listsBefore = await getDb().sanctionsList.count();
});

async function rowCounts() {
  const db = getDb();
  const [lists, entries, aliases, addresses] = await Promise.all([
    db.sanctionsList.count(),
    db.sanctionsEntry.count(),
    db.sanctionsAlias.count(),
    db.sanctionsAddress.count(),
  ]);
  return { lists, entries, aliases, addresses };
}

async function importError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function activeLists() {
  return getDb().sanctionsList.findMany({ where: { status: "ACTIVE" }, select: { id: true, contentHash: true } });
}

describe("sanctions lists", () => {
  let csvListId: string;
  let xmlListId: string;

  it("reports sanctions as unknown before any list is imported", async (ctx) => {
    if (listsBefore > 0) ctx.skip(); // another test file in this run imported a list first
    invalidateActiveSanctionsIndex();
    expect(await getActiveSanctionsIndex()).toBeNull();
    expect(await screenSanctions({ names: ["Chong Song Hwa"], employers: [], payees: [], wallets: [] })).toEqual({ listVersion: null, listId: null, matches: [] });
  });

  it("refuses a recruiter and writes nothing", async () => {
    const before = await rowCounts();
    const error = await importError(importSanctionsList({ actor: recruiter, files: csvSet(), publishedAt: PUBLISHED }));
    expect(error.code).toBe("FORBIDDEN");
    await expect(listSanctionsLists({ actor: recruiter })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await rowCounts()).toEqual(before);
  });

  it("requires the publication date for the CSV set", async () => {
    const error = await importError(importSanctionsList({ actor: admin, files: csvSet() }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.publishedAt).toBeDefined();
  });

  it("imports the CSV set: list, entries, aliases, addresses and the audit row in one go", async () => {
    const before = await rowCounts();
    const result = await importSanctionsList({ actor: admin, files: csvSet(), publishedAt: PUBLISHED, meta });
    expect(result.status).toBe("imported");
    if (result.status !== "imported") return;
    csvListId = result.list.id;
    expect(result.list).toMatchObject({ source: "OFAC-SDN", format: "ofac-csv", status: "ACTIVE", entryCount: 13, aliasCount: 5, fileNames: ["sdn.csv", "alt.csv", "add.csv"] });
    expect(result.list.publishedAt?.toISOString()).toBe("2025-11-04T00:00:00.000Z");
    expect(result).toMatchObject({ addressCount: 3, walletCount: 2 });
    expect(await rowCounts()).toEqual({ lists: before.lists + 1, entries: before.entries + 13, aliases: before.aliases + 5, addresses: before.addresses + 3 });

    const db = getDb();
    const audit = await db.auditEvent.findMany({ where: { subjectType: "SanctionsList", subjectId: csvListId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "sanctions.list_imported", actorId: admin.id, ip: "203.0.113.9" });
    expect(audit[0].after).toMatchObject({ entryCount: 13, aliasCount: 5, addressCount: 3, walletCount: 2, publishedAt: "2025-11-04", via: "user" });

    // Everything the parser read is stored: the list read back from the database has the same content hash.
    const stored = await db.sanctionsList.findUniqueOrThrow({ where: { id: csvListId } });
    const loaded = await loadSanctionsList({ listId: csvListId, withAddresses: true });
    expect(sanctionsContentHash(loaded!)).toBe(stored.contentHash);
    const kim = loaded!.entries.find((e) => e.entNum === 90005)!;
    expect(kim.digitalCurrencyAddresses).toEqual([
      { currency: "XBT", address: "1FxtrKsMnpQrsTuvWxyzABCDEFGHJKLMN" },
      { currency: "ETH", address: "0x5AaEb6053F3E94C9b9A09f33669435E7Ef1BeAed" },
    ]);
    expect(await activeLists()).toEqual([{ id: csvListId, contentHash: stored.contentHash }]);
  });

  it("re-importing the same list (any order, any date) is a no-op", async () => {
    const before = await rowCounts();
    const auditBefore = await getDb().auditEvent.count();
    const result = await importSanctionsList({ actor: admin, files: csvSet().reverse(), publishedAt: new Date("2025-12-01T00:00:00Z") });
    expect(result).toMatchObject({ status: "unchanged", list: { id: csvListId, status: "ACTIVE" } });
    expect(result.list.publishedAt?.toISOString().slice(0, 10)).toBe("2025-11-04");
    expect(await rowCounts()).toEqual(before);
    expect(await getDb().auditEvent.count()).toBe(auditBefore);
  });

  describe("a malformed file is refused with its line and reason; the list in force stays", () => {
    const cases: [string, () => { name: string; content: string }[], RegExp][] = [
      ["wrong column count", () => [file("sdn-wrong-columns.csv", `${FIXTURES}/malformed`)], /^sdn-wrong-columns\.csv line 3: expected 12 columns, found 11$/],
      ["non-numeric ent_num", () => [file("sdn-bad-ent-num.csv", `${FIXTURES}/malformed`)], /^sdn-bad-ent-num\.csv line 2: ent_num is not a whole number: "9000X"$/],
      ["unterminated quote", () => [file("sdn-unterminated-quote.csv", `${FIXTURES}/malformed`)], /^sdn-unterminated-quote\.csv line 4: unterminated quoted field$/],
      ["alias of a missing entry", () => [file("sdn.csv"), file("alt-missing-entry.csv", `${FIXTURES}/malformed`)], /^alt-missing-entry\.csv line 2: alias refers to missing ent_num 99999$/],
      ["XML bad uid", () => [file("SDN-bad-uid.xml", `${FIXTURES}/malformed`)], /^SDN-bad-uid\.xml line 33: sdnEntry uid is not a whole number: "ABC"$/],
      ["XML mismatched tag", () => [file("SDN-mismatched-tag.xml", `${FIXTURES}/malformed`)], /^SDN-mismatched-tag\.xml line 64: closing <\/programs> does not match <programList>$/],
    ];
    it.each(cases)("%s", async (_label, files, message) => {
      const before = await rowCounts();
      const error = await importError(importSanctionsList({ actor: admin, files: files(), publishedAt: PUBLISHED }));
      expect(error.code).toBe("VALIDATION");
      expect(error.message).toMatch(message);
      expect(await rowCounts()).toEqual(before);
      const active = await activeLists();
      expect(active.map((l) => l.id)).toEqual([csvListId]);
      expect(await getDb().sanctionsEntry.count({ where: { listId: csvListId } })).toBe(13);
    });

    it("files that are not OFAC's", async () => {
      const error = await importError(importSanctionsList({ actor: admin, files: [{ name: "candidates.csv", content: "a,b\n" }], publishedAt: PUBLISHED }));
      expect(error.message).toMatch(/^candidates\.csv: not a file of OFAC's SDN list/);
      const xmlWithCsv = await importError(importSanctionsList({ actor: admin, files: [file("SDN.XML"), file("sdn.csv")], publishedAt: PUBLISHED }));
      expect(xmlWithCsv.message).toMatch(/SDN\.XML on its own/);
      const aliasesOnly = await importError(importSanctionsList({ actor: admin, files: [file("alt.csv")], publishedAt: PUBLISHED }));
      expect(aliasesOnly.message).toMatch(/sdn\.csv is missing/);
    });
  });

  it("imports SDN.XML as a new version (its own date) from the system actor and supersedes the CSV list", async () => {
    const result = await importSanctionsList({ actor: createSystemActor("vitest CLI"), files: [file("SDN.XML")] });
    expect(result.status).toBe("imported");
    xmlListId = result.list.id;
    expect(result.list).toMatchObject({ format: "ofac-xml", status: "ACTIVE", entryCount: 13, importedAt: expect.any(Date) });
    expect(result.list.publishedAt?.toISOString().slice(0, 10)).toBe("2025-11-04");
    expect((await activeLists()).map((l) => l.id)).toEqual([xmlListId]);
    expect(await getDb().sanctionsList.findUniqueOrThrow({ where: { id: csvListId }, select: { status: true } })).toEqual({ status: "SUPERSEDED" });
    // The superseded version keeps its rows: past screenings can be traced to it.
    expect(await getDb().sanctionsEntry.count({ where: { listId: csvListId } })).toBe(13);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: xmlListId } });
    expect(audit).toMatchObject({ action: "sanctions.list_imported", actorId: null });
    expect(audit.after).toMatchObject({ via: "system", label: "vitest CLI", supersededListId: csvListId });
  });

  it("a plain object cannot pass for the system actor", async () => {
    const forged = { kind: "system", label: "forged" } as unknown as Actor;
    const error = await importError(importSanctionsList({ actor: forged, files: csvSet(), publishedAt: PUBLISHED }));
    expect(error.code).toBe("FORBIDDEN");
  });

  it("screens names, employers, agency, payees and wallets against the list loaded from the database", async () => {
    invalidateActiveSanctionsIndex();
    const result = await screenSanctions({
      names: ["Chong Song Hwa", "chong song-hwa", "Kim Min-jun", "John Smith", "Li Wei"],
      employers: ["Yanbian Silverstar Network Technology", "Acme Software LLC"],
      agency: "Volasys Silver Star LLC",
      payees: ["Kim Sang Man", "Chinyong"],
      wallets: ["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", "1NotListedAddressXYZ"],
    });
    expect(result.listVersion).toBe("OFAC-SDN 2025-11-04");
    expect(result.listId).toBe(xmlListId);
    const summary = result.matches.map((m) => [m.subject, m.queryValue, m.entNum]);
    expect(summary).toEqual(
      expect.arrayContaining([
        ["name", "Chong Song Hwa", 90003],
        ["employer", "Yanbian Silverstar Network Technology", 90001],
        ["agency", "Volasys Silver Star LLC", 90002],
        ["payee", "Kim Sang Man", 90005],
        ["payee", "Chinyong", 90004],
        ["wallet", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", 90005],
      ]),
    );
    // "chong song-hwa" normalises like "Chong Song Hwa": one candidate, not two.
    expect(result.matches.filter((m) => m.subject === "name")).toHaveLength(1);
    for (const common of ["Kim Min-jun", "John Smith", "Li Wei", "Acme Software LLC", "1NotListedAddressXYZ"]) {
      expect(result.matches.find((m) => m.queryValue === common)).toBeUndefined();
    }
    const jong = result.matches.find((m) => m.subject === "name")!;
    expect(jong).toMatchObject({ listedName: "JONG, Song Hwa", program: "DPRK3", score: expect.any(Number) });
    expect(jong.breakdown).toMatchObject({ kind: "name", matchedNameType: "primary", entryType: "individual" });
    const wallet = result.matches.find((m) => m.subject === "wallet")!;
    expect(wallet).toMatchObject({ listedName: "KIM, Sang Man", score: 1, breakdown: { kind: "wallet", currency: "ETH" } });
    // A person's name is screened against individuals only, an employer against entities only.
    const cross = await screenSanctions({ names: ["Yanbian Silverstar Network Technology"], employers: ["Jong Song Hwa"], payees: [], wallets: [] });
    expect(cross.matches).toEqual([]);
  });

  it("re-importing a superseded version makes it active again without copying rows, and the index follows", async () => {
    const before = await rowCounts();
    const result = await importSanctionsList({ actor: admin, files: csvSet(), publishedAt: PUBLISHED });
    expect(result).toMatchObject({ status: "reactivated", list: { id: csvListId, status: "ACTIVE" }, supersededListId: xmlListId });
    expect(await rowCounts()).toEqual(before);
    expect((await activeLists()).map((l) => l.id)).toEqual([csvListId]);
    const audit = await getDb().auditEvent.findFirstOrThrow({ where: { subjectId: csvListId, action: "sanctions.list_reactivated" } });
    expect(audit.actorId).toBe(admin.id);
    // Same process: the importer invalidated the cache, so the next screening uses the CSV version.
    const screened = await screenSanctions({ names: ["Jong Song Hwa"], employers: [], payees: [], wallets: [] });
    expect(screened.listId).toBe(csvListId);
  });

  it("a name-only match on a listed person is a possible match (M); a date of birth or ID number that agrees makes it High; a different date of birth is shown as a conflict (real submit path)", async () => {
    invalidateActiveSanctionsIndex();
    // The list in force was imported with the dates of birth and ID numbers it lists (new columns, issue 10).
    const active = (await activeLists())[0];
    const kimRow = await getDb().sanctionsEntry.findFirstOrThrow({ where: { listId: active.id, entNum: 90005 }, select: { datesOfBirth: true, idNumbers: true } });
    expect(kimRow).toEqual({ datesOfBirth: ["05 Mar 1971"], idNumbers: [{ type: "Passport", number: "836410023", country: "Korea, North" }] });

    const submit = async (tag: string, observations: Record<string, unknown>) => {
      const { assessment } = await submitCandidate({
        actor: recruiter,
        submission: {
          stage: "APPLICATION",
          profile: { candidate: { legalName: "Kim Sang Man", email: `kim.${tag}.${Date.now()}@example.com` }, observations },
        },
      });
      return assessment.hits.find((h) => h.ruleId === "sanctions-candidate-match");
    };
    const nameOnly = await submit("name-only", {});
    expect(nameOnly?.severity).toBe("M");
    expect(nameOnly?.evidence[0].value).toMatch(/possible match — review \(name only\).*Agreed: none/);

    const byDob = await submit("dob", { dateOfBirth: "1971-03-05" });
    expect(byDob?.severity).toBe("H");
    expect(byDob?.evidence[0].value).toContain("Agreed: date of birth (1971-03-05 agrees with listed DOB 05 Mar 1971)");

    // The raw passport number is hashed before anything is stored; the match is made on the keyed hash.
    const byPassport = await submit("passport", { governmentIdNumbers: ["836 410 023"] });
    expect(byPassport?.severity).toBe("H");
    expect(byPassport?.evidence[0].value).toContain("ID number (Passport ending 0023 (Korea, North)");

    const conflict = await submit("conflict", { dateOfBirth: "1990-01-01" });
    expect(conflict?.severity).toBe("M");
    expect(conflict?.evidence[0].value).toContain("Conflicting: date of birth (1990-01-01 differs from listed DOB 05 Mar 1971)");

    // The applicant's date of birth describes the applicant, not a payee of the same name.
    const payee = await screenSanctions({ names: [], employers: [], payees: ["Kim Sang Man"], wallets: [], attributes: { dateOfBirth: "1971-03-05" } });
    expect(payee.matches.find((m) => m.subject === "payee")?.corroboration).toEqual({ agreed: [], conflicted: [] });
    const own = await screenSanctions({ names: ["Kim Sang Man"], employers: [], payees: [], wallets: [], attributes: { dateOfBirth: "1971-03-05" } });
    expect(own.matches[0].corroboration.agreed.map((a) => a.attribute)).toEqual(["dateOfBirth"]);

    // Validated where submissions enter (API, forms, CSV): an impossible date of birth is refused with its reason.
    const bad = candidateSubmissionSchema.safeParse({ profile: { candidate: { legalName: "A", email: "a@example.com" }, observations: { dateOfBirth: "2199-01-01" } } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["profile", "observations", "dateOfBirth"], message: "Date of birth must be between 1900-01-01 and today" });
    expect(candidateSubmissionSchema.safeParse({ profile: { candidate: { legalName: "A", email: "a@example.com" }, observations: { dateOfBirth: "05/03/1971" } } }).success).toBe(false);
  });

  it("lists the history newest first with who imported each version", async () => {
    const rows = await listSanctionsLists({ actor: admin });
    const ours = rows.filter((r) => r.id === csvListId || r.id === xmlListId);
    expect(ours.map((r) => [r.id, r.status, r.importedBy?.id ?? null])).toEqual([
      [xmlListId, "SUPERSEDED", null],
      [csvListId, "ACTIVE", admin.id],
    ]);
    expect(ours[1]).toMatchObject({ listVersion: "OFAC-SDN 2025-11-04", entryCount: 13, aliasCount: 5, format: "ofac-csv" });
  });

  it("two imports at once leave exactly one active list", async () => {
    const sdn = readFileSync(path.join(FIXTURES, "sdn.csv"), "utf8").replace(/\x1a/g, "").trimEnd().split("\n");
    const withoutLast = sdn.slice(0, -1).join("\n");
    const withoutFirst = sdn.slice(1).join("\n");
    const results = await Promise.all([
      importSanctionsList({ actor: admin, files: [{ name: "sdn.csv", content: withoutLast }], publishedAt: new Date("2025-11-05T00:00:00Z") }),
      importSanctionsList({ actor: admin, files: [{ name: "sdn.csv", content: withoutFirst }], publishedAt: new Date("2025-11-05T00:00:00Z") }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["imported", "imported"]);
    const active = await activeLists();
    expect(active).toHaveLength(1);
    expect(results.map((r) => r.list.id)).toContain(active[0].id);
  });
});

describe("the upload form's input", () => {
  it("drops the empty part of an unused file input, refuses text and files over 50 MB", () => {
    const sdn = new File([readFileSync(path.join(FIXTURES, "sdn.csv"))], "sdn.csv");
    const ok = sanctionsUploadSchema.safeParse({ files: [sdn, new File([], "")], publishedAt: "2025-11-04" });
    expect(ok.success && ok.data).toMatchObject({ files: [sdn], publishedAt: new Date("2025-11-04T00:00:00Z") });
    expect(sanctionsUploadSchema.safeParse({ files: [new File([], "")], publishedAt: "" }).error?.issues[0]).toMatchObject({ path: ["files"] });
    expect(sanctionsUploadSchema.safeParse({ files: ["90001,..."] }).success).toBe(false);
    const big = new File([new Uint8Array(MAX_SANCTIONS_FILE_BYTES + 1)], "SDN.XML");
    const tooBig = sanctionsUploadSchema.safeParse({ files: [big] });
    expect(tooBig.error?.issues[0]).toMatchObject({ path: ["files"], message: "SDN.XML is larger than 50 MB: that is not an OFAC SDN file." });
    expect(sanctionsUploadSchema.safeParse({ files: [sdn], publishedAt: "04/11/2025" }).error?.issues[0].path).toEqual(["publishedAt"]);
  });
});

// The real list lives in the shared reference folder, which the repository must not contain: skipped without it.
describe.skipIf(!existsSync(path.join(REAL_2021, "sdn.csv")))("the real 2021 SDN list (shared reference data)", () => {
  it("imports 8,976 entries in seconds, and a re-import is a no-op", { timeout: 300_000 }, async () => {
    const files = ["sdn.csv", "alt.csv", "add.csv"].map((n) => file(n, REAL_2021));
    const started = performance.now();
    const result = await importSanctionsList({ actor: admin, files, publishedAt: new Date("2021-06-01T00:00:00Z") });
    const seconds = (performance.now() - started) / 1000;
    console.log(`[sanctions] real 2021 list imported in ${seconds.toFixed(1)} s`, result.status === "imported" ? { aliases: result.list.aliasCount, addresses: result.addressCount } : result.status);
    expect(result.status).toBe("imported");
    expect(result.list.entryCount).toBe(8976);
    expect(await getDb().sanctionsEntry.count({ where: { listId: result.list.id } })).toBe(8976);

    const before = await rowCounts();
    const again = await importSanctionsList({ actor: admin, files, publishedAt: new Date("2021-06-01T00:00:00Z") });
    expect(again).toMatchObject({ status: "unchanged", list: { id: result.list.id } });
    expect(await rowCounts()).toEqual(before);

    // Round trip at full size, and the index loads from the database.
    const loaded = await loadSanctionsList({ listId: result.list.id, withAddresses: true });
    const stored = await getDb().sanctionsList.findUniqueOrThrow({ where: { id: result.list.id } });
    expect(sanctionsContentHash(loaded!)).toBe(stored.contentHash);
    invalidateActiveSanctionsIndex();
    const active = await getActiveSanctionsIndex();
    expect(active).toMatchObject({ listId: result.list.id, listVersion: "OFAC-SDN 2021-06-01" });
    expect(active!.index.entryCount).toBe(8976);
  });
});

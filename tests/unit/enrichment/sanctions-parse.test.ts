import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { parseOfacCsv, parseSdnXml, SanctionsFileError, splitPrograms, type SanctionsList } from "@/lib/enrichment/sanctions";

const fixtures = path.join(import.meta.dirname, "../../fixtures/ofac");
const read = (name: string) => readFileSync(path.join(fixtures, name), "utf8");

function fixtureCsv(): SanctionsList {
  return parseOfacCsv({ sdn: read("sdn.csv"), alt: read("alt.csv"), add: read("add.csv") }, { publishedAt: "2025-11-04" });
}

function thrown(fn: () => unknown): SanctionsFileError {
  try {
    fn();
  } catch (error) {
    if (error instanceof SanctionsFileError) return error;
    throw error;
  }
  throw new Error("expected a SanctionsFileError");
}

describe("parseOfacCsv on the fixture", () => {
  const list = fixtureCsv();
  const byNum = new Map(list.entries.map((e) => [e.entNum, e]));

  it("reads every entry with -0- as null, types, titles and multi-program tags", () => {
    expect(list.source).toBe("ofac-csv");
    expect(list.publishedAt).toBe("2025-11-04");
    expect(list.entries).toHaveLength(13);
    expect(byNum.get(90003)).toMatchObject({ name: "JONG, Song Hwa", type: "individual", title: "Chief Executive Officer", programs: ["DPRK3"] });
    expect(byNum.get(90001)).toMatchObject({ type: "entity", title: null, programs: ["DPRK3"] });
    expect(byNum.get(90004)?.programs).toEqual(["DPRK3", "DPRK4"]);
  });

  it("joins aliases from alt.csv (strength unknown) and weak aliases from remarks", () => {
    const chinyong = byNum.get(90004)!;
    expect(chinyong.aliases).toEqual(
      expect.arrayContaining([
        { altNum: 80003, type: "aka", name: "JINYONG IT COOPERATION COMPANY", strength: null },
        { altNum: null, type: "aka", name: "CHINYONG", strength: "weak" },
      ]),
    );
  });

  it("joins addresses and finds digital currency addresses in remarks", () => {
    expect(byNum.get(90001)?.addresses).toEqual([
      { addNum: 70001, address: null, cityStatePostal: "Yanji, Jilin", country: "China", remarks: null },
    ]);
    expect(byNum.get(90005)?.digitalCurrencyAddresses).toEqual([
      { currency: "XBT", address: "1FxtrKsMnpQrsTuvWxyzABCDEFGHJKLMN" },
      { currency: "ETH", address: "0x5AaEb6053F3E94C9b9A09f33669435E7Ef1BeAed" },
    ]);
  });

  it("splits OFAC program tags", () => {
    expect(splitPrograms("NPWMD] [DPRK2")).toEqual(["NPWMD", "DPRK2"]);
    expect(splitPrograms("[DPRK3] [DPRK4]")).toEqual(["DPRK3", "DPRK4"]);
    expect(splitPrograms(null)).toEqual([]);
  });
});

describe("parseSdnXml on the fixture", () => {
  const list = parseSdnXml(read("SDN.XML"));

  it("reads the publish date, entries, alias strength, addresses and digital currency IDs", () => {
    expect(list.source).toBe("ofac-xml");
    expect(list.publishedAt).toBe("2025-11-04");
    expect(list.entries).toHaveLength(13);
    const kim = list.entries.find((e) => e.entNum === 90005)!;
    expect(kim).toMatchObject({ name: "KIM, Sang Man", type: "individual", programs: ["DPRK3"] });
    expect(kim.aliases).toEqual([{ altNum: 80004, type: "aka", name: "KIM, Sang-man", strength: "strong" }]);
    expect(kim.digitalCurrencyAddresses.map((w) => w.currency)).toEqual(["XBT", "ETH"]);
    // Personal IDs and dates of birth corroborate name matches (issue 10); wallets are not ID documents.
    expect(kim.idNumbers).toEqual([{ type: "Passport", number: "836410023", country: "Korea, North" }]);
    expect(kim.datesOfBirth).toEqual(["05 Mar 1971"]);
    expect(list.entries.find((e) => e.entNum === 90001)?.idNumbers).toEqual([]);
    const chinyong = list.entries.find((e) => e.entNum === 90004)!;
    expect(chinyong.aliases.map((a) => a.strength)).toEqual(["strong", "weak"]);
    expect(list.entries.find((e) => e.entNum === 90001)?.addresses[0]).toMatchObject({ cityStatePostal: "Yanji Jilin", country: "China" });
  });

  it("agrees with the CSV fixture on names, types, programs, dates of birth and ID numbers", () => {
    const csv = fixtureCsv();
    const summary = (l: SanctionsList) => l.entries.map((e) => [e.entNum, e.name, e.type, e.programs.join("|"), e.datesOfBirth, e.idNumbers]);
    expect(summary(list)).toEqual(summary(csv));
  });
});

describe("malformed files throw SanctionsFileError with file, line and reason", () => {
  const malformed = (name: string) => read(path.join("malformed", name));

  it("wrong column count", () => {
    const e = thrown(() => parseOfacCsv({ sdn: malformed("sdn-wrong-columns.csv") }));
    expect(e).toMatchObject({ file: "sdn.csv", line: 3 });
    expect(e.reason).toMatch(/expected 12 columns, found 11/);
  });

  it("non-numeric ent_num", () => {
    const e = thrown(() => parseOfacCsv({ sdn: malformed("sdn-bad-ent-num.csv") }));
    expect(e).toMatchObject({ line: 2 });
    expect(e.reason).toMatch(/ent_num is not a whole number: "9000X"/);
  });

  it("unterminated quote", () => {
    const e = thrown(() => parseOfacCsv({ sdn: malformed("sdn-unterminated-quote.csv") }));
    expect(e.line).toBe(4);
    expect(e.reason).toMatch(/unterminated/);
  });

  it("alias referring to a missing entry", () => {
    const e = thrown(() => parseOfacCsv({ sdn: read("sdn.csv"), alt: malformed("alt-missing-entry.csv") }));
    expect(e).toMatchObject({ file: "alt.csv", line: 2 });
    expect(e.reason).toMatch(/missing ent_num 99999/);
    expect(e.message).toBe("alt.csv:2: alias refers to missing ent_num 99999");
  });

  it("XML with a mismatched closing tag or a bad uid", () => {
    const mismatch = thrown(() => parseSdnXml(malformed("SDN-mismatched-tag.xml"), { fileName: "SDN-mismatched-tag.xml" }));
    expect(mismatch).toMatchObject({ file: "SDN-mismatched-tag.xml", line: 64 });
    expect(mismatch.reason).toMatch(/<\/programs> does not match <programList>/);
    const badUid = thrown(() => parseSdnXml(malformed("SDN-bad-uid.xml")));
    expect(badUid.line).toBe(33);
    expect(badUid.reason).toMatch(/uid is not a whole number: "ABC"/);
    expect(thrown(() => parseSdnXml("<html></html>")).reason).toMatch(/expected <sdnList>/);
  });

  it("a bad publishedAt for CSV", () => {
    expect(thrown(() => parseOfacCsv({ sdn: read("sdn.csv") }, { publishedAt: "04/11/2025" })).reason).toMatch(/YYYY-MM-DD/);
  });
});

const realListDir = path.join(import.meta.dirname, "../../../../shared/data/ofac-sdn-2021");

// The real 2021 list is shared reference data outside this repository (it must not be copied in); machines without
// it skip this part.
describe.skipIf(!existsSync(realListDir))("the real 2021 OFAC list (shared folder)", () => {
  it("parses all 8,976 entries with aliases and addresses", { timeout: 30_000 }, () => {
    const r = (name: string) => readFileSync(path.join(realListDir, name), "utf8");
    const list = parseOfacCsv({ sdn: r("sdn.csv"), alt: r("alt.csv"), add: r("add.csv") });
    expect(list.entries).toHaveLength(8976);
    const types = new Set(list.entries.map((e) => e.type));
    expect([...types].sort()).toEqual(["aircraft", "entity", "individual", "vessel"]);
    expect(list.entries.reduce((n, e) => n + e.aliases.filter((a) => a.altNum !== null).length, 0)).toBe(11910);
    expect(list.entries.find((e) => e.entNum === 24430)?.name).toBe("11420 CORP.");
  });
});

import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

import { beforeAll, describe, expect, it } from "vitest";

import { buildSanctionsIndex, normaliseName, parseOfacCsv, parseSdnXml, type SanctionsIndex } from "@/lib/enrichment/sanctions";

const fixtures = path.join(import.meta.dirname, "../../fixtures/ofac");
const index = buildSanctionsIndex(parseSdnXml(readFileSync(path.join(fixtures, "SDN.XML"), "utf8")));
const csvIndex = buildSanctionsIndex(
  parseOfacCsv({
    sdn: readFileSync(path.join(fixtures, "sdn.csv"), "utf8"),
    alt: readFileSync(path.join(fixtures, "alt.csv"), "utf8"),
  }),
);
const top = (name: string) => index.screenName(name)[0];

describe("normaliseName", () => {
  it("keeps '11420 CORP.' whole: legal forms are dropped only when non-numeric tokens remain", () => {
    expect(normaliseName("11420 CORP.").normalised).toBe("11420 corp");
    expect(normaliseName("Yanbian Silverstar Network Technology Co., Ltd.")).toMatchObject({
      normalised: "yanbian silverstar network technology",
      droppedLegalForms: ["co", "ltd"],
    });
    expect(normaliseName("Corp.").normalised).toBe("corp");
    expect(normaliseName("Kim Min-jun").tokens).toEqual(["kim", "min", "jun"]);
    expect(normaliseName("Korea, Democratic People's Republic of").normalised).toBe("korea democratic peoples republic of");
  });
});

describe("screenName: romanisation variants of listed names", () => {
  it.each([
    ["Chong Song Hwa", 90003],
    ["Jung Sung Hwa", 90003],
    ["Song Hwa Jong", 90003],
    ["Gim Sang Man", 90005],
    ["Myung Cheol Min", 90009],
    ["Jo Kyung Hoon", 90008],
    ["Woo Yong Su", 90011],
  ])("%s → ent %i", (query, entNum) => {
    const hit = top(query);
    expect(hit?.entNum).toBe(entNum);
    expect(hit?.score).toBe(1);
    expect(hit?.kind).toBe("candidate-for-review");
  });

  it("shows which listed spelling matched and why", () => {
    const hit = top("Chong Song Hwa")!;
    expect(hit.query.normalised).toBe("chong song hwa");
    expect(hit.listed.normalised).toBe("jong song hwa");
    expect(hit.breakdown.pairs).toContainEqual(expect.objectContaining({ query: "chong", listed: "jong", listedSpelling: "chong", romanisationVariant: true }));
    expect(hit.programs).toEqual(["DPRK3"]);
  });
});

describe("screenName: company names, aliases, spacing and typos", () => {
  it("finds Yanbian Silverstar under spacing and legal-form differences", () => {
    const hit = top("Yanbian Silver Star Network Technology");
    expect(hit).toMatchObject({ entNum: 90001, score: 1, listedName: "YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD." });
  });

  it("finds Chinyong through its a.k.a. Jinyong", () => {
    expect(top("Jinyong IT Cooperation")).toMatchObject({ entNum: 90004, matchedName: "JINYONG IT COOPERATION COMPANY", matchedNameType: "aka", aliasStrength: "strong" });
  });

  it("retrieves typos and joined given names", () => {
    expect(top("Kim Sangman")?.entNum).toBe(90005);
    const typo = top("Yanbien Silverstar");
    expect(typo?.entNum).toBe(90001);
    expect(typo?.score).toBeGreaterThanOrEqual(0.88);
    expect(typo?.score).toBeLessThan(1);
    expect(typo?.breakdown.pairs).toContainEqual(expect.objectContaining({ query: "yanbien", listed: "yanbian" }));
    expect(top("Volasys Silverstar")?.entNum).toBe(90002);
  });

  it("matches 11420 CORP. only as itself", () => {
    expect(top("11420 Corp")).toMatchObject({ entNum: 90013, score: 1, listed: { normalised: "11420 corp" } });
    expect(index.screenName("Acme Corp")).toEqual([]);
    expect(index.screenName("Corp")).toEqual([]);
  });

  it("gives the same answers from the CSV fixture", () => {
    expect(csvIndex.screenName("Jung Sung Hwa")[0]?.entNum).toBe(90003);
    expect(csvIndex.screenName("Jinyong IT Cooperation")[0]?.entNum).toBe(90004);
  });

  it("filters by entry type and honours the threshold", () => {
    expect(index.screenName("Gim Sang Man", { types: ["entity"] })).toEqual([]);
    expect(index.screenName("Kim Sang", { threshold: 0.8 })[0]?.entNum).toBe(90005);
    expect(index.screenName("Kim Sang")).toEqual([]);
  });
});

describe("screenName: common names must not hit the DPRK entries", () => {
  it.each(["Kim Min-jun", "Li Wei", "John Smith", "Park Ji-hoon", "Wang Fang", "Kim Se Jin", "Kim Sun Man", "Kim Seung Min", "Lee Min Ho", "Korea Trading Company", "Silverstar"])(
    "%s → no candidate",
    (name) => {
      expect(index.screenName(name)).toEqual([]);
    },
  );

  it("explains a near miss when the threshold is lowered: a shared surname is not enough", () => {
    const nearMiss = index.screenName("Kim Min-jun", { threshold: 0 });
    for (const c of nearMiss) expect(c.breakdown.queryCoverage).toBeLessThan(0.7);
  });
});

describe("screenWalletAddress", () => {
  it("matches digital currency addresses exactly (hex case-insensitively)", () => {
    expect(index.screenWalletAddress("1FxtrKsMnpQrsTuvWxyzABCDEFGHJKLMN")).toEqual([
      expect.objectContaining({ entNum: 90005, currency: "XBT", kind: "candidate-for-review" }),
    ]);
    expect(index.screenWalletAddress("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")[0]?.currency).toBe("ETH");
    expect(index.screenWalletAddress("1fxtrKsMnpQrsTuvWxyzABCDEFGHJKLMN")).toEqual([]);
    expect(index.screenWalletAddress("")).toEqual([]);
  });
});

const realListDir = path.join(import.meta.dirname, "../../../../shared/data/ofac-sdn-2021");

// The real 2021 list lives outside the repository (shared reference data that must not be copied in).
describe.skipIf(!existsSync(realListDir))("screening on the real 2021 list", () => {
  let real: SanctionsIndex;
  beforeAll(() => {
    const r = (name: string) => readFileSync(path.join(realListDir, name), "utf8");
    real = buildSanctionsIndex(parseOfacCsv({ sdn: r("sdn.csv"), alt: r("alt.csv"), add: r("add.csv") }));
  }, 60_000);

  it("finds listed names under romanisation variants and does not hit common names", () => {
    expect(real.screenName("Gim Yong Cheol").map((c) => c.listedName)).toContain("KIM, Yong Chol");
    expect(real.screenName("11420 Corp")[0]?.entNum).toBe(24430);
    for (const name of ["Kim Min-jun", "Li Wei", "John Smith", "Park Ji-hoon", "Wang Fang", "George Bush", "Maria Garcia"]) {
      expect(real.screenName(name), name).toEqual([]);
    }
  });

  it("finds digital currency addresses from remarks", () => {
    expect(real.screenWalletAddress("12QtD5BFwRsdNsAZY76UVE1xyCGNTojH9h")[0]?.listedName).toBe("YAN, Xiaobing");
  });
});

// Issue 10: name-only matches on persons are "possible match — review" (M); an agreeing attribute makes them H; a
// conflicting date of birth keeps them M and is shown; an OFAC weak alias alone is never a hit.
import { describe, expect, it } from "vitest";

import { defaultRuleset, evaluate } from "@/lib/engine";
import { FIXED_AS_OF, makeFacts } from "@/lib/engine/testing/make-facts";
import { corroborate, ofacCountryCode, parseListedDob, type SanctionsEntry } from "@/lib/enrichment/sanctions";

const asOf = FIXED_AS_OF;
type Match = Record<string, unknown>;
const sanctionsHit = (...matches: Match[]) => {
  const facts = makeFacts({ sanctions: { listVersion: "OFAC-SDN 2025-11-04", matches } } as never);
  return evaluate(facts, defaultRuleset, { asOf }).hits.find((h) => h.ruleId === "sanctions-candidate-match");
};
const person = { subject: "name", queryValue: "Kim Sang Man", listedName: "KIM, Sang Man", program: "DPRK3", score: 1, entryType: "individual", aliasStrength: null };

describe("sanctions rule: severity from corroboration", () => {
  it("a name-only match on a listed person is a possible match for review (M), saying nothing agreed", () => {
    const hit = sanctionsHit({ ...person, agreed: [], conflicted: [] })!;
    expect(hit.severity).toBe("M");
    expect(hit.summary).toMatch(/review/);
    expect(hit.evidence[0].value).toMatch(/possible match — review \(name only\).*Agreed: none\. Conflicting: none/);
  });

  it("is High when an attribute agrees, and shows which", () => {
    const hit = sanctionsHit({ ...person, agreed: [{ attribute: "dateOfBirth", detail: "1971-03-05 agrees with listed DOB 05 Mar 1971" }], conflicted: [] })!;
    expect(hit.severity).toBe("H");
    expect(hit.evidence[0].value).toContain("Agreed: date of birth (1971-03-05 agrees with listed DOB 05 Mar 1971)");
  });

  it("stays M when a listed attribute conflicts, and shows the conflict beside what agreed", () => {
    const hit = sanctionsHit({
      ...person,
      agreed: [{ attribute: "addressCountry", detail: "address country CN (listed address in China)" }],
      conflicted: [{ attribute: "dateOfBirth", detail: "1990-01-01 differs from listed DOB 05 Mar 1971" }],
    })!;
    expect(hit.severity).toBe("M");
    expect(hit.evidence[0].value).toMatch(/conflicts.*Agreed: address country.*Conflicting: date of birth \(1990-01-01 differs/);
  });

  it("an OFAC weak alias alone is no hit; with an agreeing attribute it is M", () => {
    const weak = { subject: "employer", queryValue: "Chinyong", listedName: "CHINYONG INFORMATION TECHNOLOGY COOPERATION COMPANY", score: 1, entryType: "entity", aliasStrength: "weak" };
    expect(sanctionsHit({ ...weak, agreed: [] })).toBeUndefined();
    expect(sanctionsHit({ ...weak, agreed: [{ attribute: "wallet", detail: "listed" }] })?.severity).toBe("M");
  });

  it("a listed company's full name and a listed wallet stay High; the highest match decides", () => {
    expect(sanctionsHit({ subject: "employer", queryValue: "Chinyong IT Cooperation", listedName: "CHINYONG", score: 0.95, entryType: "entity" })?.severity).toBe("H");
    const both = sanctionsHit({ ...person, agreed: [] }, { subject: "wallet", queryValue: "0xabc", listedName: "KIM, Sang Man", score: 1, entryType: "individual" })!;
    expect(both.severity).toBe("H");
    expect(both.evidence).toHaveLength(3);
  });
});

const entry: SanctionsEntry = {
  entNum: 1,
  name: "KIM, Sang Man",
  type: "individual",
  programs: ["DPRK3"],
  title: null,
  remarks: null,
  aliases: [],
  addresses: [{ addNum: 1, address: null, cityStatePostal: "Shenyang", country: "China", remarks: null }, { addNum: 2, address: null, cityStatePostal: null, country: "Korea, North", remarks: null }],
  digitalCurrencyAddresses: [{ currency: "ETH", address: "0x5AaEb6053F3E94C9b9A09f33669435E7Ef1BeAed" }],
  datesOfBirth: ["05 Mar 1971", "circa 1974"],
  idNumbers: [{ type: "Passport", number: "836410023", country: "Korea, North" }],
};

describe("corroborate()", () => {
  it("reads OFAC's date forms", () => {
    expect(parseListedDob("05 Mar 1971")).toEqual({ kind: "day", y: 1971, m: 3, d: 5 });
    expect(parseListedDob("Mar 1971")).toEqual({ kind: "month", y: 1971, m: 3 });
    expect(parseListedDob("circa 1974")).toEqual({ kind: "years", from: 1973, to: 1975 });
    expect(parseListedDob("1960 to 1962")).toEqual({ kind: "years", from: 1960, to: 1962 });
    expect(parseListedDob("unknown")).toBeNull();
    expect(ofacCountryCode("Korea, North")).toBe("KP");
    expect(ofacCountryCode("China")).toBe("CN");
  });

  it("agrees on a listed date, a circa year, a shared address country, an ID number and a wallet", () => {
    expect(corroborate(entry, { dateOfBirth: "1971-03-05" }).agreed.map((a) => a.attribute)).toEqual(["dateOfBirth"]);
    expect(corroborate(entry, { dateOfBirth: "1975-12-31" }).agreed.map((a) => a.attribute)).toEqual(["dateOfBirth"]);
    const all = corroborate(entry, {
      countries: ["CN"],
      idNumberAgrees: (n) => (n === "836410023" ? "0023" : null),
      wallets: ["0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"],
    });
    expect(all.agreed.map((a) => a.attribute)).toEqual(["addressCountry", "idNumber", "wallet"]);
    expect(all.agreed[1].detail).toBe("Passport ending 0023 (Korea, North) is one of the applicant's ID numbers");
    expect(all.conflicted).toEqual([]);
  });

  it("a different date of birth conflicts; a different address country does not (claimed locations are what the scheme falsifies)", () => {
    const c = corroborate(entry, { dateOfBirth: "1990-01-01", countries: ["US"] });
    expect(c.agreed).toEqual([]);
    expect(c.conflicted).toEqual([{ attribute: "dateOfBirth", detail: "1990-01-01 differs from listed DOB 05 Mar 1971; circa 1974" }]);
  });

  it("nothing to compare is neither agreement nor conflict", () => {
    expect(corroborate({ ...entry, datesOfBirth: [], addresses: [] }, { dateOfBirth: "1990-01-01", countries: ["US"] })).toEqual({ agreed: [], conflicted: [] });
  });
});

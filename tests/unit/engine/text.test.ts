import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { msOf, namesConsistent, normalizeText, sameAddress, variantMap } from "@/lib/engine/text";

// Reference implementation of the documented rule, without the allocation-free fast path.
function reference(a: string, b: string): boolean {
  const ta = normalizeText(a).split(" ").filter(Boolean);
  const tb = normalizeText(b).split(" ").filter(Boolean);
  const [s, l] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  return s.every((t) => l.some((u) => u === t || (t.length === 1 && u[0] === t) || (u.length === 1 && t[0] === u)));
}

const NONE = new Map<string, string>();

describe("namesConsistent", () => {
  it("matches the reference definition on random names", () => {
    const word = fc.constantFrom("Jordan", "jordan", "J.", "J", "Avery", "Miller", "MILLER", "Mill", "Ana", "Ann", "O'Neil", "de", "la", "Cruz", "Zoë", "Łukasz", "李", "Kim");
    const name = fc.tuple(fc.array(word, { minLength: 1, maxLength: 4 }), fc.constantFrom(" ", ", ", "-", "  ")).map(([ws, sep]) => ws.join(sep));
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(namesConsistent(a, b, NONE), `${a} | ${b}`).toBe(reference(a, b));
      }),
      { numRuns: 2000 },
    );
  });

  it("folds configured spelling variants, accents and scripts", () => {
    const v = variantMap([["park", "pak", "bak"]]);
    expect(namesConsistent("Park Ji-hoon", "Bak Ji Hoon", v)).toBe(true);
    expect(namesConsistent("Park Ji-hoon", "Bak Ji Hoon", NONE)).toBe(false);
    expect(namesConsistent("José Álvarez", "Jose Alvarez", NONE)).toBe(true);
    expect(namesConsistent("Kevin Zhou", "Jordan Miller", v)).toBe(false);
  });
});

describe("msOf", () => {
  it("agrees with Date.parse on ISO dates and date-times", () => {
    const d = fc.date({ min: new Date("1950-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(d, fc.integer({ min: -12, max: 14 }), (date, offH) => {
        const iso = date.toISOString();
        expect(msOf(iso)).toBe(Date.parse(iso));
        expect(msOf(iso.slice(0, 10))).toBe(Date.parse(iso.slice(0, 10)));
        const sign = offH < 0 ? "-" : "+";
        const withOffset = `${iso.slice(0, 19)}${sign}${String(Math.abs(offH)).padStart(2, "0")}:30`;
        expect(msOf(withOffset)).toBe(Date.parse(withOffset));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("sameAddress", () => {
  it("folds case, punctuation and street suffixes; unknown when a line is missing", () => {
    expect(sameAddress({ line1: "1200 Oak Street", postalCode: "43215" }, { line1: "1200 OAK ST.", postalCode: "43215" })).toBe(true);
    expect(sameAddress({ line1: "1200 Oak Street" }, { line1: "12 Oak Street" })).toBe(false);
    expect(sameAddress({ line1: "1200 Oak Street", country: "US" }, { line1: "1200 Oak Street", country: "CA" })).toBe(false);
    expect(sameAddress({ line1: null }, { line1: "x" })).toBeNull();
  });
});

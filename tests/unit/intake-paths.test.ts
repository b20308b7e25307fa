import { describe, expect, it } from "vitest";
import { getPath, prune, setPath } from "@/lib/intake/paths";
import { sectionRoots, STAGE_FORMS } from "@/lib/intake/stage-fields";

describe("intake paths", () => {
  it("sets nested values immutably, creating arrays for numeric keys", () => {
    const a = { candidate: { legalName: "A" } };
    const b = setPath(a, "workHistory.0.employerName", "Contoso");
    expect(b).toEqual({ candidate: { legalName: "A" }, workHistory: [{ employerName: "Contoso" }] });
    expect(a).toEqual({ candidate: { legalName: "A" } });
    expect(getPath(b, "workHistory.0.employerName")).toBe("Contoso");
    expect(getPath(setPath(b, "candidate.legalName", undefined), "candidate.legalName")).toBeUndefined();
  });

  it("prunes empty values so blanks stay unknown, keeping false and 0", () => {
    expect(prune({ a: "", b: { c: undefined, d: [] }, e: false, f: 0, g: [{ h: "" }, { i: "x" }] })).toEqual({ e: false, f: 0, g: [{ i: "x" }] });
  });

  it("stage forms own distinct concerns and never ask for a protected attribute", () => {
    expect(sectionRoots("INTERVIEW").sort()).toEqual(["accommodation", "communication", "interviews"]);
    // What a form asks: field paths, labels and option values (descriptions may explain what we don't ask).
    const asked: string[] = [];
    const walk = (fields: { path: string; label: string; options?: { value: string }[]; fields?: unknown[] }[]) =>
      fields.forEach((f) => {
        asked.push(f.path.toLowerCase(), f.label.toLowerCase(), ...(f.options ?? []).map((o) => o.value.toLowerCase()));
        if (f.fields) walk(f.fields as never);
      });
    Object.values(STAGE_FORMS).forEach((form) => form.sections.forEach((s) => walk(s.fields as never)));
    expect(asked.length).toBeGreaterThan(100);
    for (const word of ["nationality", "citizenship", "ethnicity", "language", "accent", "education country", "countryofeducation"]) {
      expect(asked.filter((a) => a.includes(word))).toEqual([]);
    }
  });
});

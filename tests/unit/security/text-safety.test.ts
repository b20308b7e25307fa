import { describe, expect, it } from "vitest";
import { findUnsafeText, hasUnsafeText, unsafeTextFieldErrors } from "@/lib/schemas/text-safety";

describe("text PostgreSQL can't store (issue 9: NUL and lone surrogates caused 500s)", () => {
  it("finds NUL characters and lone surrogates, not valid text", () => {
    expect(hasUnsafeText("plain text, émigré, 北京, 😀")).toBe(false);
    expect(hasUnsafeText("a\u0000b")).toBe(true);
    expect(hasUnsafeText("lone high \ud83d here")).toBe(true);
    expect(hasUnsafeText("lone low \ude00 here")).toBe(true);
    expect(hasUnsafeText("end with high \ud83d")).toBe(true);
  });

  it("names the dotted path of every bad string, keys included", () => {
    const body = { profile: { candidate: { legalName: "ok", email: "x\u0000@example.com" }, workHistory: [{ employerName: "fine" }, { employerName: "bad \udc00" }] }, ["k\u0000"]: 1 };
    expect(findUnsafeText(body)).toEqual(["profile.candidate.email", "profile.workHistory.1.employerName", "(key)"]);
    expect(unsafeTextFieldErrors({ a: "fine" })).toBeNull();
    expect(Object.keys(unsafeTextFieldErrors(body)!)).toHaveLength(3);
  });
});

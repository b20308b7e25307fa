// Post-hire login / session events (context "work"): accepted by the API schema, the CSV mapping and the onboarding
// form, and read by LOC-02 like any other connection.
import { describe, expect, it } from "vitest";
import { guessImportMapping } from "@/lib/schemas/import";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import { STAGE_FORMS } from "@/lib/intake/stage-fields";
import { mapImportRow } from "@/lib/server/imports/map-import-row";

const base = { "Full name": "Dana Reyes", Email: "dana.reyes@example.org", IP: "73.162.0.1" };

describe("CSV: post-hire login IPs", () => {
  it("guesses the column and maps several entries (with and without a time) to work-context IPs after the application IP", () => {
    const row = { ...base, "Login IPs": "185.220.101.1 2026-11-03T02:00:00Z; 77.88.55.55 2026-11-03T05:00:00Z;104.28.0.1" };
    const mapping = guessImportMapping(Object.keys(row));
    expect(mapping.workLoginIps).toBe("Login IPs");
    const mapped = mapImportRow(row, mapping);
    expect(mapped.ok).toBe(true);
    if (!mapped.ok) return;
    expect(mapped.submission.profile.observations?.ips).toEqual([
      { ip: "73.162.0.1", context: "application" },
      { ip: "185.220.101.1", context: "work", at: "2026-11-03T02:00:00Z" },
      { ip: "77.88.55.55", context: "work", at: "2026-11-03T05:00:00Z" },
      { ip: "104.28.0.1", context: "work" },
    ]);
  });

  it("refuses a bad address or time, naming the column and the entry", () => {
    const mapping = guessImportMapping([...Object.keys(base), "Login IPs"]);
    const bad = mapImportRow({ ...base, "Login IPs": "73.162.0.1; 999.1.1.1" }, mapping);
    expect(bad).toEqual({ ok: false, issues: [{ field: "Login IPs", message: 'Entry 2: "999.1.1.1" is not an IPv4 or IPv6 address' }] });
    const badTime = mapImportRow({ ...base, "Login IPs": "73.162.0.1 yesterday" }, mapping);
    expect(badTime.ok).toBe(false);
    if (!badTime.ok) expect(badTime.issues[0].message).toMatch(/^Entry 1: "yesterday" is not an ISO time with a zone/);
  });
});

describe("API schema and onboarding form", () => {
  it("the API accepts work-context IPs and refuses an unknown context", () => {
    const sub = (context: string) => ({ stage: "HIRED", profile: { candidate: { legalName: "Dana Reyes", email: "dana@example.org" }, observations: { ips: [{ ip: "73.162.0.1", context, at: "2026-11-03T14:00:00Z" }] } } });
    expect(candidateSubmissionSchema.safeParse(sub("work")).success).toBe(true);
    expect(candidateSubmissionSchema.safeParse(sub("vacation")).success).toBe(false);
  });

  it("the onboarding form has a post-hire logins field that records the work context", () => {
    const fields = STAGE_FORMS.ONBOARDING.sections.flatMap((s) => s.fields);
    expect(fields).toContainEqual(expect.objectContaining({ kind: "lines", path: "observations.ips", lineTo: "ip", ipContext: "work", label: "Post-hire login IP addresses" }));
  });
});

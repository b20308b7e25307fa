import { describe, expect, it } from "vitest";
import { defaultRuleset, evaluate, type Band } from "@/lib/engine";
import { FIXED_AS_OF, makeFacts, type FactsOverrides } from "@/lib/engine/testing/make-facts";

const LOWEST: Band[] = ["CLEAR", "LOW"];
const assess = (o: FactsOverrides) => evaluate(makeFacts(o), defaultRuleset, { asOf: FIXED_AS_OF });

describe("innocent but unusual profiles stay in the lowest bands", () => {
  const innocent: [string, FactsOverrides][] = [
    [
      "a VPN user (privacy VPN exiting abroad on every connection)",
      {
        enrichment: {
          ip: [
            { context: "application", at: "2026-09-01T14:00:00Z", country: "NL", isVpn: true, org: "Mullvad" },
            { context: "interview", at: "2026-09-10T15:00:00Z", country: "SE", isVpn: true, org: "Mullvad" },
            { context: "interview", at: "2026-09-10T17:00:00Z", country: "CH", isVpn: true, org: "Mullvad" },
          ],
        },
      },
    ],
    [
      "a new graduate with a new GitHub, a new email and a VoIP number",
      {
        application: { claimedYearsExperience: 0 },
        workHistory: [],
        references: [{ name: "Prof. Lee", contactDetails: "complete", reachable: true }],
        onlineProfiles: [{ platform: "github", createdAt: "2026-05-20", matchesResume: true, backdatedActivity: false, copiedRepositories: false }],
        enrichment: { email: { firstSeenAt: "2026-08-20", freeProvider: true, disposable: false }, phone: { lineType: "voip" } },
        skills: [{ name: "Python", firstUsedYear: 2022 }],
      },
    ],
    [
      "a deaf candidate who used the notary path (camera off, text only)",
      {
        accommodation: { requested: true, reason: "disability", alternativePath: "notary", alternativePathCompleted: true },
        interviews: [
          { round: 1, mode: "text", cameraDeclined: true },
          { round: 2, mode: "video", cameraDeclined: true },
        ],
        communication: { insistsOnTextOnly: true, inPersonMeeting: "not_offered" },
        onboarding: { identityProofing: { alternativeProofing: { offeredToAllAtStage: true, outcome: "completed", method: "notary" } } },
      },
    ],
    [
      "a married name change (résumé, profiles and bank under the former name)",
      {
        candidate: {
          legalName: "Maria Elena Kowalski",
          names: [
            { source: "resume", name: "Maria Santos" },
            { source: "onlineProfile", name: "Maria E. Santos" },
            { source: "emailDisplayName", name: "Maria Kowalski" },
          ],
          nameChange: { documented: true, previousNames: ["Maria Elena Santos"] },
        },
        onboarding: { payment: { payeeName: "Maria Santos", accountHolderName: "Maria E Santos" } },
      },
    ],
    [
      "a night-shift worker whose activity fits another time zone",
      {
        candidate: { declaredWorkingHours: "night_shift" },
        enrichment: { activity: { shareInClaimedWorkHours: 0.05, bestFitUtcOffsetMinutes: 480, claimedUtcOffsetMinutes: -300, sampleSize: 400 } },
        activity: { sessions: [{ startedAt: "2026-10-20T03:00:00Z", endedAt: "2026-10-20T11:00:00Z" }] },
      },
    ],
    [
      "a night-shift worker who never told us (rule fires, L is capped)",
      { enrichment: { activity: { shareInClaimedWorkHours: 0.05, bestFitUtcOffsetMinutes: 480, claimedUtcOffsetMinutes: -300, sampleSize: 400 } } },
    ],
  ];

  it.each(innocent)("%s", (_name, overrides) => {
    const a = assess(overrides);
    expect(LOWEST, `score ${a.score}: ${a.hits.map((h) => h.ruleId).join(", ")}`).toContain(a.band);
  });

  it("the deaf candidate's suppressed rules are recorded with the reason", () => {
    const a = assess(innocent[2][1]);
    expect(a.hits).toEqual([]);
    expect(a.suppressed.map((s) => s.ruleId).sort()).toEqual(["camera-refusal", "text-only-insistence"]);
  });

  it("the married name change suppresses the name and payee rules", () => {
    const a = assess(innocent[3][1]);
    expect(a.hits).toEqual([]);
    expect(a.suppressed.map((s) => s.ruleId).sort()).toEqual(["name-mismatch", "payee-differs"]);
  });
});

describe("scheme-like profiles rise to the top bands", () => {
  it("a laptop-farm profile is CRITICAL and explains itself", () => {
    const a = assess({
      candidate: { names: [{ source: "paymentPlatform", name: "Chen Hao" }] },
      enrichment: { ip: [{ context: "interview", country: "CN", isVpn: false }, { context: "application", isVpn: true }] },
      interviews: [{ round: 1, mode: "video", cameraDeclined: true }],
      onboarding: {
        payment: { payeeName: "Chen Hao", requestedMethods: ["crypto"] },
        equipment: { shipTo: { line1: "4 Warehouse Rd", city: "Phoenix", postalCode: "85001", country: "US" } },
      },
      linkage: { sharedShipTo: { otherCandidateCount: 6, knownLaptopFarm: true }, nearDuplicateResumes: [{ candidateId: "x", similarity: 0.97 }] },
    });
    expect(a.band).toBe("CRITICAL");
    expect(a.hits.reduce((s, h) => s + h.contribution, 0)).toBe(a.score);
    expect(a.hits[0].severity).toBe("H");
    // Steps are deduplicated and ordered by severity.
    const ids = a.verificationSteps.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const ranks = a.verificationSteps.map((s) => ({ H: 3, M: 2, L: 1 })[s.severity]);
    expect([...ranks].sort((x, y) => y - x)).toEqual(ranks);
  });

  it("a single medium signal stays below ELEVATED", () => {
    expect(assess({ linkage: { nearDuplicateResumes: [{ candidateId: "x", similarity: 0.95 }] } }).band).toBe("LOW");
  });

  it("a single scheme-specific signal is HIGH on its own", () => {
    expect(assess({ linkage: { sharedShipTo: { knownLaptopFarm: true } } }).band).toBe("HIGH");
  });

  it("pay to another person is specific; to a company or a family account it is common", () => {
    const pay = (payeeName: string, accountHolderName?: string) =>
      assess({ candidate: { legalName: "David Okonkwo", names: [{ source: "application", name: "David Okonkwo" }] }, onboarding: { payment: { payeeName, accountHolderName: accountHolderName ?? payeeName } } });
    const other = pay("Takeshi Hamada");
    expect(other.hits.find((h) => h.ruleId === "payee-differs")).toMatchObject({ severity: "H", specific: true });
    expect(["HIGH", "CRITICAL"]).toContain(other.band);
    for (const innocent of [pay("Okonkwo Consulting LLC"), pay("David Okonkwo", "Ngozi Okonkwo")]) {
      expect(innocent.hits.find((h) => h.ruleId === "payee-differs")).toMatchObject({ specific: false });
      expect(["CLEAR", "LOW"]).toContain(innocent.band);
    }
  });

  it("a single common signal stays LOW, however strong its severity", () => {
    const shipTo = assess({
      candidate: { homeAddress: { line1: "1 Main St", city: "Austin", region: "TX", postalCode: "78701", country: "US" } },
      onboarding: { equipment: { shipTo: { line1: "9 Elm Rd", city: "Tulsa", region: "OK", postalCode: "74103", country: "US" } } },
    });
    expect(shipTo.hits.map((h) => [h.ruleId, h.severity, h.specific])).toEqual([["ship-to-differs-from-home", "M", false]]);
    expect(shipTo.band).toBe("LOW");
    expect(assess({ linkage: { sharedIdentifiers: [{ kind: "address", otherCandidateIds: ["spouse"], otherNamesDiffer: true }] } }).band).toBe("LOW");
  });
});

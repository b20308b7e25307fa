// Issue 10, item 5: which countries LOC-01 / LOC-02 trust and what they say they skipped; LOC-04 from few
// timestamps with a confidence; WH-04 with years derived from the work history.
import { describe, expect, it } from "vitest";
import { defaultRuleset, evaluate, type FactsInput } from "@/lib/engine";
import { derivedYearsOfExperience } from "@/lib/engine/rules/new-profile-implausible-history";
import { FIXED_AS_OF, makeFacts } from "@/lib/engine/testing/make-facts";
import type { FactsOverrides } from "@/lib/engine/testing/make-facts";

const asOf = FIXED_AS_OF;
const run = (o: FactsOverrides) => evaluate(makeFacts(o), defaultRuleset, { asOf });
const hitOf = (o: FactsOverrides, id: string) => run(o).hits.find((h) => h.ruleId === id);
const ev = (h: { evidence: { label: string; value: string }[] } | undefined, label: string) => h?.evidence.find((e) => e.label === label)?.value;
type Ip = NonNullable<NonNullable<FactsInput["enrichment"]>["ip"]>[number];
const ip = (at: string, country: string, flags: Partial<Ip> = {}): Ip => ({ context: "application", at: `2026-09-10T${at}:00Z`, country, isTor: false, isVpn: false, isHosting: false, isRelay: false, ...flags });

describe("LOC-02 multi-country-logins counts only trusted countries", () => {
  it("fires on three trusted countries and names the Tor exit it skipped, and why", () => {
    const h = hitOf({ enrichment: { ip: [ip("10:00", "KP"), ip("11:00", "DE", { isTor: true }), ip("12:00", "RU"), ip("13:00", "US")] } }, "multi-country-logins");
    expect(h?.summary).toBe("The account was used from 3 countries (KP, RU, US) within 24 hours.");
    expect(ev(h, "Skipped (country not trusted)")).toBe("Tor exit (DE): their country is the exit's, relay's or server's, not where the user is");
  });

  it("records a result that relies on an untrusted country as not counted, with the reason (never silently)", () => {
    const a = run({ enrichment: { ip: [ip("10:00", "US"), ip("11:00", "DE", { isTor: true }), ip("12:00", "RU"), ip("12:30", "NL", { isHosting: true })] } });
    expect(a.hits.find((h) => h.ruleId === "multi-country-logins")).toBeUndefined();
    const s = a.suppressed.find((x) => x.ruleId === "multi-country-logins");
    expect(s?.reason).toBe("Only 2 trusted countries within 24 hours; the others came from Tor exit (DE), hosting / VPS (NL), and their country is the exit's, relay's or server's, not where the user is.");
    expect(s?.evidence).toContainEqual({ label: "Trusted countries", value: "US, RU" });
  });

  it("skips relay egress and VPN exits like Tor; says nothing when even all countries stay below the threshold", () => {
    const relay = run({ enrichment: { ip: [ip("10:00", "US"), ip("11:00", "CA", { isRelay: true }), ip("12:00", "SE", { isVpn: true })] } });
    expect(relay.hits.find((h) => h.ruleId === "multi-country-logins")).toBeUndefined();
    expect(relay.suppressed.find((x) => x.ruleId === "multi-country-logins")?.evidence).toContainEqual({ label: "Skipped (country not trusted)", value: "privacy relay / CDN egress (CA), VPN (SE)" });
    const two = run({ enrichment: { ip: [ip("10:00", "US"), ip("11:00", "DE", { isTor: true })] } });
    expect(two.suppressed.find((x) => x.ruleId === "multi-country-logins")).toBeUndefined();
  });
});

describe("LOC-01 and relay egress", () => {
  it("ip-country-mismatch does not take a relay's country as the candidate's, and lists what it skipped when it fires", () => {
    expect(hitOf({ enrichment: { ip: [ip("10:00", "CA", { isRelay: true })] } }, "ip-country-mismatch")).toBeUndefined();
    const h = hitOf({ enrichment: { ip: [ip("10:00", "CA", { isRelay: true }), ip("11:00", "RU"), ip("12:00", "DE", { isTor: true })] } }, "ip-country-mismatch");
    expect(h?.summary).toBe("The candidate claims to be in US but connected from RU without a VPN, relay or proxy.");
    expect(ev(h, "Skipped (country not the user's)")).toBe("privacy relay / CDN egress (CA), Tor exit (DE)");
  });

  it("anonymised-connection: a relay alone does not fire; beside Tor it is named as not counted; a ruleset may count it", () => {
    expect(hitOf({ enrichment: { ip: [ip("10:00", "US", { isRelay: true })] } }, "anonymised-connection")).toBeUndefined();
    const h = hitOf({ enrichment: { ip: [ip("10:00", "US", { isRelay: true }), ip("11:00", "DE", { isTor: true })] } }, "anonymised-connection");
    expect(ev(h, "Anonymising services seen")).toBe("Tor");
    expect(ev(h, "Privacy relay / CDN egress (not counted)")).toMatch(/^1 connection: /);

    const config = structuredClone(defaultRuleset.config);
    (config.rules["anonymised-connection"].config as { countPrivacyRelay: boolean }).countPrivacyRelay = true;
    const a = evaluate(makeFacts({ enrichment: { ip: [ip("10:00", "US", { isRelay: true })] } }), { version: "t", config }, { asOf });
    expect(ev(a.hits.find((x) => x.ruleId === "anonymised-connection"), "Anonymising services seen")).toBe("privacy relay");
  });

  it("a ruleset stored before countPrivacyRelay existed still parses (the key defaults to false)", async () => {
    const { parseRulesetConfig } = await import("@/lib/engine");
    const old = structuredClone(defaultRuleset.config) as unknown as { rules: Record<string, { config: Record<string, unknown> }> };
    delete old.rules["anonymised-connection"].config.countPrivacyRelay;
    delete old.rules["activity-outside-claimed-timezone"].config.minFewSampleSize;
    delete old.rules["activity-outside-claimed-timezone"].config.maxShareInWorkHoursFewSample;
    const parsed = parseRulesetConfig(old);
    expect(parsed.rules["anonymised-connection"].config).toMatchObject({ countPrivacyRelay: false });
    expect(parsed.rules["activity-outside-claimed-timezone"].config).toMatchObject({ minFewSampleSize: 5, maxShareInWorkHoursFewSample: 0.2 });
  });
});

describe("LOC-04 from few timestamps", () => {
  const activity = (sampleSize: number, share: number) => ({ enrichment: { activity: { shareInClaimedWorkHours: share, bestFitUtcOffsetMinutes: 540, claimedUtcOffsetMinutes: -300, sampleSize } } });

  it("six clearly off-hours timestamps: a hit that states the count and low confidence", () => {
    const h = hitOf(activity(6, 0), "activity-outside-claimed-timezone");
    expect(h?.summary).toBe("6 of 6 timestamps fall outside working hours of the claimed time zone and fit UTC+09:00 better (low confidence: few timestamps).");
    expect(ev(h, "Timestamps analysed")).toBe("6, of which 6 outside 09:00–18:00 of the claimed time zone");
    expect(ev(h, "Confidence")).toMatch(/^low — only 6 timestamps \(30 give a confident result\)/);
  });

  it("20 timestamps are medium confidence, 30 or more high", () => {
    expect(ev(hitOf(activity(20, 0.1), "activity-outside-claimed-timezone"), "Confidence")).toMatch(/^medium — only 20 timestamps/);
    expect(ev(hitOf(activity(40, 0.25), "activity-outside-claimed-timezone"), "Confidence")).toBe("high — 40 timestamps");
  });

  it("never fires on one or two odd times, nor on a small sample partly inside working hours", () => {
    expect(hitOf(activity(2, 0), "activity-outside-claimed-timezone")).toBeUndefined();
    expect(hitOf(activity(4, 0), "activity-outside-claimed-timezone")).toBeUndefined();
    expect(hitOf(activity(8, 0.25), "activity-outside-claimed-timezone")).toBeUndefined();
    // 25 % inside working hours is enough with a full sample, not with a small one.
    expect(hitOf(activity(40, 0.25), "activity-outside-claimed-timezone")).toBeDefined();
  });

  it("declared night shift still suppresses a few-timestamp result, with the confidence kept in the evidence", () => {
    const a = run({ candidate: { declaredWorkingHours: "night_shift" }, ...activity(6, 0) });
    expect(a.hits.find((h) => h.ruleId === "activity-outside-claimed-timezone")).toBeUndefined();
    const s = a.suppressed.find((x) => x.ruleId === "activity-outside-claimed-timezone");
    expect(s?.reason).toMatch(/night shifts/);
    expect(s?.evidence.find((e) => e.label === "Confidence")?.value).toMatch(/^low/);
  });
});

describe("WH-04 with years derived from the work history", () => {
  const ref = Date.parse("2026-09-01T00:00:00Z");
  it("sums the union of employment spans: overlapping and concurrent jobs count once, a current job runs to the reference date", () => {
    expect(
      derivedYearsOfExperience(
        [
          { employerName: "A", start: "2016-09-01", end: "2020-09-01" },
          { employerName: "B (overlaps A)", start: "2019-09-01", end: "2021-09-01" },
          { employerName: "C", start: "2023-09-01", current: true },
          { employerName: "D (no dates)" },
          { employerName: "E (ended, no end date)", start: "2010-01-01" },
        ],
        ref,
      ),
    ).toEqual({ years: 8, jobsCounted: 3 });
    expect(derivedYearsOfExperience([{ employerName: "X" }], ref)).toBeNull();
  });

  const newProfiles = [
    { platform: "github" as const, createdAt: "2026-07-15" },
    { platform: "linkedin" as const, createdAt: "2026-08-01" },
  ];
  it("fires when years are not stated but the history spans more than the threshold, and says the figure was derived", () => {
    const h = hitOf({ application: { claimedYearsExperience: undefined }, onlineProfiles: newProfiles }, "new-profile-implausible-history");
    expect(h?.summary).toBe("All online profiles are recent although the work history spans 8.2 years (derived; no years of experience were stated).");
    expect(ev(h, "Years of experience (derived from the work history)")).toBe("8.2 — not stated; the union of 2 employment spans, overlapping jobs counted once");
  });

  it("a stated figure wins over the history; a short history does not fire", () => {
    expect(hitOf({ application: { claimedYearsExperience: 2 }, onlineProfiles: newProfiles }, "new-profile-implausible-history")).toBeUndefined();
    expect(
      hitOf({ application: { claimedYearsExperience: undefined }, workHistory: [{ employerName: "Contoso", start: "2024-01-01", current: true }], onlineProfiles: newProfiles }, "new-profile-implausible-history"),
    ).toBeUndefined();
  });
});

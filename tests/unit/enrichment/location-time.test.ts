import { describe, expect, it } from "vitest";

import { analyseActivityTimes, resolveClaimedTimeZone, toIso2, utcOffsetMinutes } from "@/lib/enrichment/location-time";

describe("toIso2", () => {
  it("maps names, our aliases and ISO codes", () => {
    expect(toIso2("USA")).toBe("US");
    expect(toIso2("UK")).toBe("GB");
    expect(toIso2("South Korea")).toBe("KR");
    expect(toIso2("Korea, Republic of")).toBe("KR");
    expect(toIso2("Korea, Democratic People's Republic of")).toBe("KP");
    expect(toIso2("North Korea")).toBe("KP");
    expect(toIso2("Côte d'Ivoire")).toBe("CI");
    expect(toIso2("DEU")).toBe("DE");
    expect(toIso2("de")).toBe("DE");
    expect(toIso2("Atlantis")).toBeNull();
  });
});

describe("resolveClaimedTimeZone", () => {
  it("resolves cities, regions and single-zone countries", () => {
    expect(resolveClaimedTimeZone({ city: "Honolulu" })).toMatchObject({ timeZone: "Pacific/Honolulu", country: "US", method: "city" });
    expect(resolveClaimedTimeZone({ city: "New York", country: "USA" }).timeZone).toBe("America/New_York");
    expect(resolveClaimedTimeZone({ city: "Springfield", region: "Illinois", country: "US" }).timeZone).toBe("America/Chicago");
    expect(resolveClaimedTimeZone({ region: "Florida", country: "US" })).toMatchObject({ timeZone: "America/New_York", method: "region" });
    expect(resolveClaimedTimeZone({ country: "Japan" })).toMatchObject({ timeZone: "Asia/Tokyo", method: "country" });
    expect(resolveClaimedTimeZone({ country: "Germany" }).timeZone).toBe("Europe/Berlin");
  });

  it("stays unknown when the place is ambiguous, listing the candidates", () => {
    const springfield = resolveClaimedTimeZone({ city: "Springfield", country: "US" });
    expect(springfield.timeZone).toBeNull();
    expect(springfield.candidates).toEqual(expect.arrayContaining(["America/Chicago", "America/New_York"]));
    expect(resolveClaimedTimeZone({ country: "US" })).toMatchObject({ timeZone: null, method: "unknown" });
    expect(resolveClaimedTimeZone({ region: "Indiana", country: "US" }).timeZone).toBeNull();
    expect(resolveClaimedTimeZone({})).toMatchObject({ timeZone: null, country: null });
  });
});

describe("activity times vs working hours", () => {
  // Ten days of activity at 10:00, 12:00, 14:00 and 16:00 Honolulu time (UTC−10, no DST) in March 2025.
  const honoluluWorkday: string[] = [];
  for (let day = 3; day <= 12; day++) {
    for (const hour of [10, 12, 14, 16]) honoluluWorkday.push(new Date(Date.UTC(2025, 2, day, hour + 10)).toISOString());
  }

  it("fits a Honolulu worker in Honolulu but not in New York", () => {
    const inHonolulu = analyseActivityTimes(honoluluWorkday, "Pacific/Honolulu");
    const inNewYork = analyseActivityTimes(honoluluWorkday, "America/New_York");
    expect(inHonolulu).toMatchObject({ sampleSize: 40, shareInClaimedZone: 1, bestFitUtcOffsetHours: -10, claimedUtcOffsetHours: -10 });
    // 10:00–16:00 in Honolulu is 15:00/16:00–21:00/22:00 in New York (DST starts 9 March): only the first slot fits.
    expect(inNewYork.shareInClaimedZone).toBeLessThan(0.5);
    expect(inNewYork.bestFitOffsetsHours).toContain(-10);
    expect(inNewYork.bestFitOffsetsHours).not.toContain(-5);
    expect(inNewYork.bestFitOffsetsHours).not.toContain(-4);
  });

  it("uses DST-correct offsets via Intl", () => {
    expect(utcOffsetMinutes(Date.parse("2025-07-01T12:00:00Z"), "America/New_York")).toBe(-240);
    expect(utcOffsetMinutes(Date.parse("2025-01-01T12:00:00Z"), "America/New_York")).toBe(-300);
    expect(utcOffsetMinutes(Date.parse("2025-01-01T12:00:00Z"), "Asia/Kolkata")).toBe(330);
  });

  it("finds the offset of a worker active 09:00–17:00 in UTC+9 and counts unusable timestamps", () => {
    const seoulDays = [0, 2, 4, 6, 8].flatMap((h) => [1, 2, 3].map((d) => new Date(Date.UTC(2025, 5, d, h)).toISOString()));
    const facts = analyseActivityTimes([...seoulDays, "yesterday", "2025-06-01T10:00:00"], "America/Chicago");
    expect(facts.invalidTimestamps).toBe(2);
    expect(facts.sampleSize).toBe(15);
    expect(facts.shareInClaimedZone).toBe(0);
    expect(facts.bestFitOffsetsHours).toContain(9);
    expect(facts.bestFitShare).toBe(1);
  });

  it("returns unknowns without samples or with an unknown zone", () => {
    expect(analyseActivityTimes([], "Pacific/Honolulu")).toMatchObject({ sampleSize: 0, shareInClaimedZone: null, bestFitUtcOffsetHours: null });
    expect(analyseActivityTimes(honoluluWorkday, "Mars/Olympus_Mons")).toMatchObject({ timeZone: null, shareInClaimedZone: null, bestFitUtcOffsetHours: -10 });
  });
});

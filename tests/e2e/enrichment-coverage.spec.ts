// Enrichment coverage (issue 10, item 5) in the production build, through the API: a Tor exit among post-hire
// logins from several countries (LOC-02 counts the trusted ones and names the skipped one), a relay egress
// classified and explained as such and not taken as the candidate's country (LOC-01), a handful of clearly
// off-hours timestamps giving the time-zone hit with its confidence (LOC-04), and years of experience derived from
// the work history (WH-04).
import { expect, test } from "./fixtures";
import { createApiKeyAsAdmin, latestScreening, NO_KEEP_ALIVE, type Hit } from "./screening-paths";

const TAG = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const evidence = (hit: Hit | undefined, label: string) => hit?.evidence.find((e) => e.label === label)?.value;

test("Tor, relay and few off-hours timestamps are classified, explained and weighed through the API", async ({ browser, request, baseURL, page, login }) => {
  test.setTimeout(90_000);
  const key = await createApiKeyAsAdmin(browser, baseURL!, `enrichment coverage ${TAG}`);
  const headers = { authorization: `Bearer ${key}`, ...NO_KEEP_ALIVE };
  // Six timestamps between 03:00 and 05:00 in Seattle (UTC−7 in September): clearly off-hours, far too few for the
  // full sample of 30.
  const offHours = [1, 2, 3, 4, 5, 6].map((d) => `2026-09-0${d}T${d % 2 ? "10" : "11"}:${d % 3 ? "15" : "45"}:00Z`);
  const res = await request.post("/api/v1/candidates", {
    headers,
    data: {
      stage: "HIRED",
      profile: {
        candidate: { legalName: `Coverage Hire ${TAG}`, email: `coverage.${TAG}@example.org`, claimedLocation: { city: "Seattle", region: "WA", country: "US" } },
        application: { submittedAt: "2026-09-01T14:00:00Z" },
        workHistory: [
          { employerName: "Northwind Analytics Inc.", start: "2015-01-01", end: "2019-12-31" },
          { employerName: "Contoso Health", start: "2019-06-01", current: true },
        ],
        onlineProfiles: [
          { platform: "github", createdAt: "2026-07-20" },
          { platform: "linkedin", createdAt: "2026-08-02" },
        ],
        observations: {
          ips: [
            // Applied through Cloudflare WARP (a privacy relay; it geolocates to Canada).
            { ip: "104.28.0.1", context: "application", at: "2026-09-01T14:00:00Z" },
            // Post-hire logins within a few hours: Pyongyang, a Tor exit, a Russian ISP, a US home line.
            { ip: "175.45.176.9", context: "work", at: "2026-11-03T03:00:00Z" },
            { ip: "185.220.101.9", context: "work", at: "2026-11-03T04:00:00Z" },
            { ip: "77.88.55.9", context: "work", at: "2026-11-03T05:00:00Z" },
            { ip: "73.162.0.9", context: "work", at: "2026-11-03T06:00:00Z" },
          ],
          activityTimestamps: offHours,
        },
      },
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  const { candidateId } = await res.json();
  const screening = await latestScreening(request, key, candidateId);
  const hit = (id: string) => screening.hits.find((h) => h.ruleId === id);

  // The relay egress: classified and explained, and its country is not taken as the candidate's.
  const relay = screening.enrichment!.ip.find((i) => i.ip === "104.28.0.1")!;
  expect(relay).toMatchObject({ context: "application", country: "CA", asn: 13335, networkClass: "relay" });
  expect(relay.networkReason).toContain("privacy relay / CDN egress");
  expect(screening.enrichment!.ip.find((i) => i.ip === "185.220.101.9")).toMatchObject({ context: "work", networkClass: "tor" });
  expect(hit("ip-country-mismatch"), "a relay's country is not the candidate's").toBeUndefined();
  expect(hit("anonymised-connection"), "a relay alone is not an anonymised connection").toBeUndefined();

  // Post-hire logins from several countries: the trusted ones counted, the Tor exit named as skipped, and why.
  const multi = hit("multi-country-logins");
  expect(multi?.summary).toBe("The account was used from 3 countries (KP, RU, US) within 24 hours.");
  expect(evidence(multi, "Skipped (country not trusted)")).toBe("Tor exit (DE): their country is the exit's, relay's or server's, not where the user is");

  // Six off-hours timestamps: the time-zone hit, with the count and its low confidence.
  const tz = hit("activity-outside-claimed-timezone");
  expect(tz?.summary).toMatch(/^6 of 6 timestamps fall outside working hours of the claimed time zone .*\(low confidence: few timestamps\)\.$/);
  expect(evidence(tz, "Timestamps analysed")).toBe("6, of which 6 outside 09:00–18:00 of the claimed time zone");
  expect(evidence(tz, "Confidence")).toMatch(/^low — only 6 timestamps/);

  // No years stated: derived from the work history (2015 to now, the overlap counted once).
  const history = hit("new-profile-implausible-history");
  expect(history?.summary).toMatch(/^All online profiles are recent although the work history spans 11\.\d years \(derived; no years of experience were stated\)\.$/);
  expect(evidence(history, "Years of experience (derived from the work history)")).toMatch(/^11\.\d — not stated; the union of 2 employment spans/);

  // The onboarding form shows the post-hire logins (context "work") in their own field, keeps the application's
  // address when saved, and adding a login there is screened like any other.
  await login("recruiter");
  await page.goto(`/candidates/${candidateId}/evidence/onboarding`);
  const logins = page.getByLabel("Post-hire login IP addresses");
  await expect(logins).toHaveValue(["175.45.176.9 2026-11-03T03:00:00Z", "185.220.101.9 2026-11-03T04:00:00Z", "77.88.55.9 2026-11-03T05:00:00Z", "73.162.0.9 2026-11-03T06:00:00Z"].join("\n"));
  await logins.fill(`${await logins.inputValue()}\n104.131.0.9 2026-11-03T07:00:00Z`);
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");
  await expect(page.getByTestId("hit-multi-country-logins")).toContainText("Tor exit (DE), hosting / VPS (US)");
  const saved = await latestScreening(request, key, candidateId);
  expect(saved.enrichment!.ip.map((i) => `${i.context} ${i.ip}`)).toEqual([
    "application 104.28.0.1",
    "work 175.45.176.9",
    "work 185.220.101.9",
    "work 77.88.55.9",
    "work 73.162.0.9",
    "work 104.131.0.9",
  ]);
});

// One set of profiles, three ways in — the built app's API, its browser forms and the `npm run screen` CLI — must
// give the same enrichment (IP location, ASN, organisation and network class; phone line type; email facts; time-zone
// fit), the same flags and the same score. Each path gets its own email, phone and last IP octet (same networks, same
// data) so that no two screenings link to each other or to the seed: cross-candidate linkage depends on what else is
// in each database, and would make the scores differ for reasons that have nothing to do with the path.
//
// Runs before rulesets.spec.ts (files run in name order): the app then still uses the default ruleset, like the
// CLI's throwaway database, so scores and bands are compared too. If a ruleset was published first, only the hits and
// the enrichment are compared with the CLI (and the test says so in its annotations).
import { lookupIp } from "../../lib/enrichment/ip";
import { expect, test } from "./fixtures";
import { cliScreened, createApiKeyAsAdmin, runScreenCli, screenViaApi, screenViaBrowser, type Enrichment, type Screened, type Submission } from "./screening-paths";

/** 40 activity times inside 09:00–17:00 of the given UTC offset, on ten weekdays in September 2026. */
function workdayActivity(utcOffsetHours: number): string[] {
  const out: string[] = [];
  for (let day = 1; day <= 10; day++) {
    for (const localHour of [9, 11, 14, 16]) {
      const t = Date.UTC(2026, 8, day, localHour - utcOffsetHours, 17);
      out.push(new Date(t).toISOString().replace(".000Z", "Z"));
    }
  }
  return out;
}

type Variant = 0 | 1 | 2;
const TAG = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Profile builders; `v` makes the identifiers unique per path (email, phone digits, last IP octet). */
type Expected = { hits: string[]; phone: { lineType: string; country: string }; email: { domain: string; disposable: boolean; freeProvider: boolean } };
const PROFILES: ({ name: string; build: (v: Variant) => Submission } & Expected)[] = [
  {
    // Claims Seattle; applies from Pyongyang, a Tor exit, a VPS and a Russian ISP within hours; works Pyongyang hours.
    name: "claimed US, connections from KP, Tor, a VPS and RU, activity on Pyongyang time",
    hits: ["ip-country-mismatch", "anonymised-connection", "multi-country-logins", "activity-outside-claimed-timezone"],
    // North American numbers can't be told mobile from landline offline.
    phone: { lineType: "fixed_line_or_mobile", country: "US" },
    email: { domain: "gmail.com", disposable: false, freeProvider: true },
    build: (v) => ({
      stage: "APPLICATION",
      profile: {
        candidate: {
          legalName: `Parity Seattle ${TAG}`,
          email: `parity.seattle.${TAG}.${v}@gmail.com`,
          phone: `+1 253 555 01${20 + v}`,
          claimedLocation: { city: "Seattle", region: "WA", country: "US" },
        },
        observations: {
          ips: [
            { ip: `175.45.176.${21 + v}`, context: "application", at: "2026-09-01T03:00:00Z" },
            { ip: `185.220.101.${21 + v}`, context: "application", at: "2026-09-01T04:00:00Z" },
            { ip: `104.131.0.${21 + v}`, context: "application", at: "2026-09-01T05:00:00Z" },
            { ip: `77.88.55.${61 + v}`, context: "application", at: "2026-09-01T06:00:00Z" },
            // A US home line: LOC-02 counts only countries it can trust (not the Tor exit's nor the VPS's).
            { ip: `73.162.0.${21 + v}`, context: "application", at: "2026-09-01T07:00:00Z" },
          ],
          activityTimestamps: workdayActivity(9),
        },
      },
    }),
  },
  {
    // Really in London, but with a VoIP number and a disposable address.
    name: "claimed GB, a UK VoIP number, a disposable email, a London ISP, London hours",
    hits: ["fresh-contact-details"],
    phone: { lineType: "voip", country: "GB" },
    email: { domain: "mailinator.com", disposable: true, freeProvider: false },
    build: (v) => ({
      stage: "APPLICATION",
      profile: {
        candidate: {
          legalName: `Parity London ${TAG}`,
          email: `parity.london.${TAG}.${v}@mailinator.com`,
          phone: `+44 56 7777 8${String(20 + v).padStart(3, "0")}`,
          claimedLocation: { city: "London", country: "GB" },
        },
        observations: { ips: [{ ip: `81.2.69.${231 + v}`, context: "application", at: "2026-09-02T09:30:00Z" }], activityTimestamps: workdayActivity(1) },
      },
    }),
  },
  {
    // Nothing to flag: a Chicago ISP, a Chicago number, Chicago hours.
    name: "claimed US, a Chicago ISP and Chicago hours",
    hits: [],
    phone: { lineType: "fixed_line_or_mobile", country: "US" },
    email: { domain: "example.org", disposable: false, freeProvider: false },
    build: (v) => ({
      stage: "APPLICATION",
      profile: {
        candidate: {
          legalName: `Parity Chicago ${TAG}`,
          email: `parity.chicago.${TAG}.${v}@example.org`,
          phone: `+1 773 555 01${30 + v}`,
          claimedLocation: { city: "Chicago", region: "IL", country: "US" },
        },
        observations: { ips: [{ ip: `73.22.10.${231 + v}`, context: "application", at: "2026-09-03T15:00:00Z" }], activityTimestamps: workdayActivity(-5) },
      },
    }),
  },
];

/** Enrichment minus what differs by construction per path (the address's last octet, the phone number). */
function comparable(e: Enrichment | null) {
  if (!e) return null;
  return { ...e, ip: e.ip.map(({ ip: _ip, ...rest }) => rest), phone: e.phone ? { ...e.phone, e164: null } : null };
}

const hitView = (s: Screened) =>
  s.hits.map((h) => ({ ruleId: h.ruleId, severity: h.severity, indicatorIds: h.indicatorIds, summary: h.summary, evidence: h.evidence, contribution: h.contribution })).sort((a, b) => a.ruleId.localeCompare(b.ruleId));

test("the same profiles through the API, the browser forms and the CLI: same enrichment, flags and score", async ({ page, login, browser, request, baseURL }) => {
  test.setTimeout(300_000);
  const key = await createApiKeyAsAdmin(browser, baseURL!, `parity ${TAG}`);
  const results: { api: Screened; browser: Screened; cli: Screened }[] = PROFILES.map(() => ({}) as never);

  await test.step("(a) POST /api/v1/candidates with an API key", async () => {
    for (const [i, p] of PROFILES.entries()) {
      const { screened, response } = await screenViaApi(request, key, p.build(0));
      // The submit response carries the same enrichment as the stored screening.
      expect(response.enrichment).toEqual(screened.enrichment);
      results[i].api = screened;
    }
  });

  await test.step("(b) the quick-add form and the application stage form, as a recruiter", async () => {
    await login("recruiter");
    for (const [i, p] of PROFILES.entries()) results[i].browser = await screenViaBrowser(page, request, key, p.build(1));
  });

  await test.step("(c) npm run screen", async () => {
    const { code, lines, stderr } = await runScreenCli(PROFILES.map((p) => p.build(2)));
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("[enrichment] IP data loaded");
    expect(lines.map((l) => l.index)).toEqual(PROFILES.map((_, i) => i));
    lines.forEach((l, i) => (results[i].cli = cliScreened(l)));
  });

  for (const [i, p] of PROFILES.entries()) {
    await test.step(`compare: ${p.name}`, async () => {
      const { api, browser: viaBrowser, cli } = results[i];
      const all = [api, viaBrowser, cli];
      for (const s of all) {
        // No path linked to another candidate, so the whole score is comparable.
        expect(s.hits.filter((h) => h.category === "LINKAGE").map((h) => h.ruleId), `${s.path} linkage`).toEqual([]);
        expect(s.enrichment, `${s.path} enrichment`).not.toBeNull();
      }

      // The enrichment, path by path, against the same lookups in plain Node.
      const submission = p.build(0);
      for (const s of all) {
        const e = s.enrichment!;
        const ips = submission.profile.observations?.ips ?? [];
        expect(e.ip.map((x) => x.ip.split(".").slice(0, 3).join("."))).toEqual(ips.map((o) => o.ip.split(".").slice(0, 3).join(".")));
        for (const x of e.ip) {
          const node = lookupIp(x.ip);
          expect(
            { country: x.country, region: x.region, city: x.city, timeZone: x.timeZone, registryCountry: x.registryCountry, asn: x.asn, organisation: x.organisation, networkClass: x.networkClass, networkReason: x.networkReason },
            `${s.path} ${x.ip}`,
          ).toEqual({
            country: node.country,
            region: node.region,
            city: node.city,
            timeZone: node.timeZone,
            registryCountry: node.registryCountry,
            asn: node.asn,
            organisation: node.organisation,
            networkClass: node.networkClass,
            networkReason: node.networkReason,
          });
          expect(x.asn, `${s.path} ${x.ip}: the ASN data answered`).not.toBeNull();
          expect(x.country, `${s.path} ${x.ip}: DB-IP answered`).not.toBeNull();
        }
        expect({ lineType: e.phone?.lineType, country: e.phone?.country, valid: e.phone?.valid }, `${s.path} phone`).toEqual({ ...p.phone, valid: true });
        expect(e.email, `${s.path} email`).toEqual(p.email);
        expect(e.timeZone?.sampleSize, `${s.path} activity`).toBe(40);
        expect(e.ipAttribution?.href).toBe("https://db-ip.com");
      }
      expect(comparable(viaBrowser.enrichment), "browser vs API").toEqual(comparable(api.enrichment));
      expect(comparable(cli.enrichment), "CLI vs API").toEqual(comparable(api.enrichment));

      // The flags, with their evidence and points, and the score.
      expect(
        api.hits.map((h) => h.ruleId),
        "API hits",
      ).toEqual(expect.arrayContaining(p.hits));
      if (p.hits.length === 0) expect(api.hits).toEqual([]);
      expect(hitView(viaBrowser), "browser vs API").toEqual(hitView(api));
      expect([viaBrowser.score, viaBrowser.band], "browser vs API").toEqual([api.score, api.band]);
      if (cli.rulesetVersion === api.rulesetVersion) {
        expect(hitView(cli), "CLI vs API").toEqual(hitView(api));
        expect([cli.score, cli.band], "CLI vs API").toEqual([api.score, api.band]);
      } else {
        test.info().annotations.push({ type: "note", description: `the app uses ruleset ${api.rulesetVersion}, the CLI ${cli.rulesetVersion}: CLI compared on flags, not points` });
        expect(hitView(cli).map((h) => ({ ...h, contribution: 0 })), "CLI vs API").toEqual(hitView(api).map((h) => ({ ...h, contribution: 0 })));
      }
    });
  }
});

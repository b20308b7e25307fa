// IP enrichment inside the production build (issue 9): the DB-IP / ASN data must be loaded by the built app itself,
// not only by plain-Node tests. Expected values come from the same lookups run here, in plain Node, where they have
// always worked — plus literal checks on the few facts the tests are about (Pyongyang is KP, the Tor exit is "tor").
import path from "node:path";
import { lookupIp } from "../../lib/enrichment/ip";
import { expect, test, uniqueName } from "./fixtures";
import { NO_KEEP_ALIVE, type ApiScreening } from "./screening-paths";

const NETWORK_LABELS = { hosting: "Hosting / VPS", vpn: "VPN", tor: "Tor", relay: "Privacy relay", none: "ISP or other network", unknown: "Unknown (no ASN data)" } as const;
const LOCATION_RULES = ["ip-country-mismatch", "anonymised-connection", "multi-country-logins"];

// A North Korean address (Star Joint Venture, Pyongyang), a Tor exit (AS60729, in our curated Tor list), a VPS
// (DigitalOcean), a Russian ISP and a US home line (Comcast), all within a few hours: LOC-01 twice over, and LOC-02
// (KP, RU, US in 24 h — the Tor exit's DE and the VPS's US are not trusted as the user's and are named as skipped).
const CONNECTIONS = [
  { ip: "175.45.176.1", at: "2026-09-01T03:00:00Z" },
  { ip: "185.220.101.1", at: "2026-09-01T04:00:00Z" },
  { ip: "104.131.0.10", at: "2026-09-01T05:00:00Z" },
  { ip: "77.88.55.55", at: "2026-09-01T06:00:00Z" },
  { ip: "73.162.0.1", at: "2026-09-01T07:00:00Z" },
];

test("a profile entered in the browser with Pyongyang, Tor and VPS addresses shows the LOC-01/LOC-02 flags with the IP data and DB-IP's attribution", async ({ page, login }) => {
  test.setTimeout(120_000);
  // The facts this test is about, as the shipped data gives them in plain Node.
  const expected = CONNECTIONS.map((c) => ({ ...c, lookup: lookupIp(c.ip) }));
  expect(expected.map((e) => [e.lookup.country, e.lookup.networkClass])).toEqual([
    ["KP", "none"],
    ["DE", "tor"],
    ["US", "hosting"],
    ["RU", "none"],
    ["US", "none"],
  ]);

  await login("recruiter");
  await page.goto("/candidates/new");
  await page.getByLabel("Full legal name").fill(uniqueName("Remote Applicant"));
  await page.getByLabel("Email").fill(`applicant.${Date.now()}@example.org`);
  await page.getByLabel("City").fill("Seattle");
  await page.getByLabel("State / region").fill("WA");
  await page.getByLabel("Country").selectOption("US");
  await page.getByRole("button", { name: "Create candidate" }).click();
  await expect(page.getByRole("status")).toHaveText("Candidate created and screened.");

  await page.getByRole("navigation", { name: "Add evidence" }).getByRole("link", { name: "Application" }).click();
  const ips = page.getByLabel("Application IP addresses");
  // A time that is not an ISO instant is refused beside the field, naming the line; the draft stays.
  await ips.fill(["175.45.176.1 yesterday", ...CONNECTIONS.slice(1).map((c) => `${c.ip} ${c.at}`)].join("\n"));
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(ips).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/^Line 1: /)).toBeVisible();
  await ips.fill(CONNECTIONS.map((c) => `${c.ip} ${c.at}`).join("\n"));
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");

  const mismatch = page.getByTestId("hit-ip-country-mismatch");
  await expect(mismatch).toContainText("Connected from outside the claimed country");
  await expect(mismatch).toContainText("LOC-01");
  await expect(mismatch).toContainText("The candidate claims to be in US but connected from KP, RU");
  // A connection from KP is specific to the scheme: it counts on its own.
  await expect(mismatch).toContainText("High");
  await expect(mismatch).toContainText("Specific to the scheme");
  const anonymised = page.getByTestId("hit-anonymised-connection");
  await expect(anonymised).toContainText("LOC-01");
  await expect(anonymised).toContainText("Tor, hosting/VPS");
  const multi = page.getByTestId("hit-multi-country-logins");
  await expect(multi).toContainText("LOC-02");
  await expect(multi).toContainText("KP, RU, US");
  await expect(multi).toContainText("Tor exit (DE), hosting / VPS (US)");

  // The enrichment behind the flags: location, ASN and organisation, network class, per address, as stored.
  const table = page.getByRole("table", { name: "IP addresses" });
  await expect(table.getByRole("row")).toHaveCount(CONNECTIONS.length + 1);
  for (const { ip, lookup } of expected) {
    const row = table.getByRole("row").filter({ hasText: ip });
    await expect(row).toContainText(`(${lookup.country})`);
    if (lookup.city) await expect(row).toContainText(lookup.city);
    await expect(row).toContainText(`AS${lookup.asn} ${lookup.organisation}`);
    await expect(row).toContainText(NETWORK_LABELS[lookup.networkClass]);
  }
  await expect(table.getByRole("row").filter({ hasText: "175.45.176.1" })).toContainText("Pyongyang");
  // Saving the form again keeps each address's time (LOC-02 needs it).
  await page.getByRole("navigation", { name: "Add evidence" }).getByRole("link", { name: "Application" }).click();
  await expect(ips).toHaveValue(CONNECTIONS.map((c) => `${c.ip} ${c.at}`).join("\n"));
  await page.getByRole("button", { name: "Save and screen" }).click();
  await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.");
  await expect(page.getByTestId("hit-multi-country-logins")).toContainText("KP, RU, US");

  const attribution = page.getByRole("link", { name: "IP Geolocation by DB-IP" });
  await expect(attribution).toBeVisible();
  await expect(attribution).toHaveAttribute("href", "https://db-ip.com");
});

test("/api/health reports every enrichment data source loaded, with its version or date", async ({ request }) => {
  const res = await request.get("/api/health", { headers: NO_KEEP_ALIVE });
  expect(res.status()).toBe(200);
  const body = await res.json();
  expect(body.status).toBe("ok");
  expect(body.data.status).toBe("loaded");
  const sources = body.data.sources as { source: string; status: string; version: string | null; date: string | null; rows: number | null; error?: string }[];
  expect(sources.map((s) => s.source).sort()).toEqual(["ip.asnCsv", "ip.asnCsvV6", "ip.cityMmdbV4", "ip.cityMmdbV6", "ip.countryMmdb"]);
  for (const s of sources) {
    expect(s.status, s.source).toBe("loaded");
    expect(s.error, s.source).toBeUndefined();
    // ip-location-db encodes the data date in its npm version (2.3.YYYYMMDDhh).
    expect(s.version, s.source).toMatch(/^\d+\.\d+\.20\d{8}$/);
    if (s.source.includes("Mmdb")) expect(s.date, s.source).toMatch(/^20\d\d-\d\d-\d\dT/);
    else expect(s.rows, s.source).toBeGreaterThan(10_000);
  }
});

test("a background re-screen inside the app (a new sanctions list) keeps every IP flag and its enrichment", async ({ page, login }) => {
  test.setTimeout(240_000);
  await login("admin");
  // The candidates flagged for LOC-01 by the seed (screened in plain Node by `npm start`) and by earlier tests.
  await page.goto("/candidates?indicator=LOC-01&limit=100");
  const ids = [...new Set((await page.locator("table tbody a[href^='/candidates/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!))).map((h) => h.split("/")[2]))];
  expect(ids.length, "seeded candidates with LOC-01").toBeGreaterThanOrEqual(10);
  const before = new Map<string, ApiScreening>();
  for (const id of ids) before.set(id, (await screeningsOf(page, id))[0]);

  // An earlier, smaller list (sdn.csv alone) than the sanctions spec's, so both imports are new versions.
  const startedAt = Date.now();
  await page.goto("/admin/sanctions");
  const form = page.getByRole("form", { name: "Import sanctions list" });
  await form.getByLabel("List files").setInputFiles(path.join(import.meta.dirname, "../fixtures/ofac/sdn.csv"));
  await form.getByLabel("Publication date").fill("2025-06-01");
  await form.getByRole("button", { name: "Import list" }).click();
  await expect(form.getByRole("status")).toContainText("Imported OFAC-SDN 2025-06-01");
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("rescreen-status").textContent();
      },
      { timeout: 180_000, intervals: [1_000, 2_000, 5_000] },
    )
    .toMatch(/Re-screened ([\d,]+) of \1 active candidates after the latest sanctions list/);

  let rescreened = 0;
  for (const id of ids) {
    const stage = (await (await page.request.get(`/api/v1/candidates/${id}`, { headers: NO_KEEP_ALIVE })).json()).candidate.stage;
    if (stage === "WITHDRAWN") continue;
    const [latest] = await screeningsOf(page, id);
    const previous = before.get(id)!;
    expect(latest.trigger, id).toBe("rescreen");
    expect(Date.parse(latest.createdAt), id).toBeGreaterThanOrEqual(startedAt - 1_000);
    rescreened++;
    const locationHits = (s: ApiScreening) => s.hits.filter((h) => LOCATION_RULES.includes(h.ruleId)).map((h) => ({ ruleId: h.ruleId, summary: h.summary, evidence: h.evidence }));
    expect(locationHits(latest), id).toEqual(locationHits(previous));
    expect(locationHits(latest).length, id).toBeGreaterThan(0);
    // The enrichment the re-screen recorded: real lookups, equal to the plain-Node ones.
    expect(latest.enrichment, id).not.toBeNull();
    for (const x of latest.enrichment!.ip) {
      const node = lookupIp(x.ip);
      expect({ country: x.country, asn: x.asn, organisation: x.organisation, networkClass: x.networkClass }, `${id} ${x.ip}`).toEqual({
        country: node.country,
        asn: node.asn,
        organisation: node.organisation,
        networkClass: node.networkClass,
      });
      expect(x.asn, `${id} ${x.ip}`).not.toBeNull();
    }
  }
  expect(rescreened).toBeGreaterThanOrEqual(10);

  // The list still finds every one of them by LOC-01, and a candidate page still shows the flag with its data.
  await page.goto("/candidates?indicator=LOC-01&limit=100");
  const after = await page.locator("table tbody a[href^='/candidates/']").evaluateAll((as) => as.map((a) => a.getAttribute("href")!.split("/")[2]));
  expect(new Set(after)).toEqual(new Set(ids));
  await page.goto(`/candidates/${ids[0]}`);
  await expect(page.getByTestId("hit-anonymised-connection").or(page.getByTestId("hit-ip-country-mismatch")).first()).toContainText("LOC-01");
  await expect(page.getByRole("table", { name: "IP addresses" }).getByRole("row").nth(1)).toContainText(/AS\d+/);
});

async function screeningsOf(page: import("@playwright/test").Page, candidateId: string): Promise<ApiScreening[]> {
  const res = await page.request.get(`/api/v1/candidates/${candidateId}/screenings`, { headers: NO_KEEP_ALIVE });
  expect(res.status()).toBe(200);
  return (await res.json()).screenings;
}

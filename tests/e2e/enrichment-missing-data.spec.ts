// A missing IP data file must be loud: the built app logs it at start and /api/health answers 503 (so a load
// balancer takes the process out of rotation), and the CLI says so on stderr. Before issue 9 the files silently
// failed to load inside the production build and every IP was scored as unknown.
import path from "node:path";
import { tmpdir } from "node:os";
import { expect, test } from "./fixtures";
import { runScreenCli, startSecondServer } from "./screening-paths";

const MISSING = path.join(tmpdir(), "hrs-e2e-no-such-dir", "dbip-city-ipv4.mmdb");

test("the built app started with a missing IP data file logs it at start and answers 503 on /api/health", async () => {
  test.setTimeout(180_000);
  // Wait for the log line itself: no request has reached the server yet, so it comes from start-up alone.
  const server = await startSecondServer({ IP_CITY_MMDB: MISSING }, /could not be loaded[^\n]*\n.*DB-IP Lite city, IPv4/);
  try {
    const log = server.output();
    expect(log).toContain("[enrichment] 1 IP data source(s) could not be loaded; IP location and network checks (LOC-01, LOC-02) will not work");
    expect(log).toContain(`DB-IP Lite city, IPv4: ${MISSING}`);

    const res = await fetch(`${server.baseURL}/api/health`);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    const body = await res.json();
    expect(body.status).toBe("degraded");
    // The database is fine: the 503 is the data's doing.
    expect(body.database.status).toBe("up");
    expect(body.data.status).toBe("missing");
    const city = body.data.sources.find((s: { source: string }) => s.source === "ip.cityMmdbV4");
    expect(city).toMatchObject({ status: "missing", date: null });
    expect(city.error).toContain(MISSING);
    // The other sources still load, with their versions.
    for (const s of body.data.sources.filter((x: { source: string }) => x.source !== "ip.cityMmdbV4")) expect(s.status, s.source).toBe("loaded");
  } finally {
    await server.stop();
  }
});

test("npm run screen with a missing IP data file says so on stderr before screening", async () => {
  test.setTimeout(180_000);
  const submission = {
    stage: "APPLICATION",
    profile: {
      candidate: { legalName: "Missing Data Check", email: "missing.data@example.org", claimedLocation: { city: "Seattle", region: "WA", country: "US" } },
      observations: { ips: [{ ip: "175.45.176.1", context: "application", at: "2026-09-01T03:00:00Z" }] },
    },
  };
  const { code, lines, stderr } = await runScreenCli([submission], { IP_CITY_MMDB: MISSING });
  expect(code, stderr).toBe(0);
  expect(stderr).toContain("[enrichment] 1 IP data source(s) could not be loaded; IP location and network checks (LOC-01, LOC-02) will not work");
  expect(stderr).toContain(`DB-IP Lite city, IPv4: ${MISSING}`);
  // What that costs, visibly: no location for the Pyongyang address (the ASN data still answers).
  expect(lines).toHaveLength(1);
  expect(lines[0].enrichment?.ip[0]).toMatchObject({ ip: "175.45.176.1", country: null, city: null, asn: 131279 });
  expect(lines[0].hits).not.toContain("ip-country-mismatch");
});

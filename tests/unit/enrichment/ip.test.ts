import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

import { afterEach, beforeAll, describe, expect, it } from "vitest";

import {
  buildAsnTable,
  canonicalIp,
  classifyNetwork,
  configureIpData,
  getIpDataStatus,
  haversineKm,
  IP_DATA_ATTRIBUTION,
  lookupIp,
  parseIp,
  preloadIpData,
} from "@/lib/enrichment/ip";

describe("IP address parsing", () => {
  it("canonicalises IPv4 and IPv6 (RFC 5952) and unwraps IPv4-mapped IPv6", () => {
    expect(canonicalIp(" 8.8.8.8 ")).toBe("8.8.8.8");
    expect(canonicalIp("2001:0DB8:0000:0000:0000:0000:0000:0001")).toBe("2001:db8::1");
    expect(canonicalIp("2001:db8:0:0:1:0:0:1")).toBe("2001:db8::1:0:0:1");
    expect(canonicalIp("::ffff:8.8.8.8")).toBe("8.8.8.8");
    expect(canonicalIp("[2400:6180::1]")).toBe("2400:6180::1");
  });

  it("rejects malformed addresses instead of guessing", () => {
    for (const bad of ["256.1.1.1", "01.2.3.4", "1.2.3", "1::2::3", "1:2:3:4:5:6:7:8:9", "host.example", ""]) {
      expect(parseIp(bad), bad).toBeNull();
    }
  });
});

describe("IP lookups on the shipped data (DB-IP Lite, geo-whois-asn-country, ip-location-db ASN)", () => {
  beforeAll(() => {
    configureIpData();
    expect(preloadIpData().errors).toEqual([]);
  }, 60_000);

  it("finds a DigitalOcean address: ASN, organisation, hosting class, location and time zone", () => {
    const facts = lookupIp("104.131.0.1");
    expect(facts.asn).toBe(14061);
    expect(facts.organisation).toBe("DigitalOcean, LLC");
    expect(facts.networkClass).toBe("hosting");
    expect(facts.networkReason).toContain("DigitalOcean");
    expect(facts.country).toBe("US");
    expect(facts.registryCountry).toBe("US");
    expect(facts.timeZone).toBe("America/New_York");
    expect(facts.latitude).toBeCloseTo(40.79, 1);
  });

  it("classifies AWS as hosting, Datacamp as VPN, Tor relay operators as tor, Cloudflare as relay", () => {
    expect(lookupIp("3.5.140.2")).toMatchObject({ asn: 16509, networkClass: "hosting", country: "KR", timeZone: "Asia/Seoul" });
    expect(lookupIp("89.187.160.1")).toMatchObject({ asn: 60068, networkClass: "vpn" });
    expect(lookupIp("185.220.101.5")).toMatchObject({ asn: 60729, networkClass: "tor" });
    expect(lookupIp("1.1.1.1")).toMatchObject({ asn: 13335, networkClass: "relay" });
    expect(lookupIp("17.253.144.10")).toMatchObject({ asn: 714, networkClass: "none" });
  });

  it("answers IPv6 too", () => {
    const facts = lookupIp("2400:6180::1");
    expect(facts).toMatchObject({ version: 6, asn: 14061, networkClass: "hosting", country: "SG" });
  });

  it("returns unknown facts for private and invalid addresses, with the attribution attached", () => {
    const priv = lookupIp("192.168.1.10");
    expect(priv).toMatchObject({ isPrivate: true, country: null, asn: null, networkClass: "unknown" });
    const bad = lookupIp("not an ip");
    expect(bad).toMatchObject({ ip: null, country: null, networkClass: "unknown" });
    expect(bad.attribution.href).toBe("https://db-ip.com");
    expect(IP_DATA_ATTRIBUTION.text).toMatch(/DB-IP/);
  });

  it("reports the data build date so a screening can record which data answered", () => {
    expect(getIpDataStatus().builtAt.cityV4).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });
});

describe("refreshing IP data from user-supplied files", () => {
  afterEach(() => configureIpData());

  it("reads a replacement ASN CSV (numeric and textual rows, quoted organisations)", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "asn-"));
    const file = path.join(dir, "asn.csv");
    writeFileSync(file, ['8.8.8.0,8.8.8.255,64500,"Example VPN, Ltd."', "134744320,134744575,64501,Plain ISP"].join("\n"));
    configureIpData({ asnCsv: [file] });
    expect(lookupIp("8.8.8.8")).toMatchObject({ asn: 64500, organisation: "Example VPN, Ltd.", networkClass: "vpn" });
    expect(lookupIp("8.8.9.1")).toMatchObject({ asn: 64501, networkClass: "none" });
    expect(lookupIp("9.9.9.9").asn).toBeNull();
  });

  it("reports a missing file and answers unknown instead of throwing", () => {
    configureIpData({ cityMmdbV4: "/nonexistent/city.mmdb", asnCsv: ["/nonexistent/asn.csv"] });
    const facts = lookupIp("8.8.8.8");
    expect(facts.country).toBeNull();
    expect(facts.asn).toBeNull();
    expect(facts.networkClass).toBe("unknown");
    const status = getIpDataStatus();
    expect(status.errors.map((e) => e.source).sort()).toEqual(["asnCsv", "cityMmdbV4"]);
  });
});

describe("ASN table", () => {
  it("binary-searches inclusive ranges, handles IPv6 rows and skips damaged rows", () => {
    const csv = [
      "1.0.0.0,1.0.0.255,13335,Cloudflare",
      "garbage line",
      "1.0.4.0,1.0.7.255,38803,Gtelecom",
      "2001:200::,2001:200:ffff:ffff:ffff:ffff:ffff:ffff,2500,WIDE Project",
    ].join("\r\n");
    const table = buildAsnTable([Buffer.from(csv)]);
    expect(table.skippedRows).toBe(1);
    const v4 = (ip: string) => {
      const p = parseIp(ip);
      return p?.version === 4 ? table.lookupV4(p.value) : null;
    };
    expect(v4("1.0.0.255")?.asn).toBe(13335);
    expect(v4("1.0.1.0")).toBeNull();
    expect(v4("1.0.7.255")?.organisation).toBe("Gtelecom");
    const p6 = parseIp("2001:200:1::5");
    expect(p6?.version === 6 ? table.lookupV6(p6.hi, p6.lo)?.asn : null).toBe(2500);
  });

  it("classifies by organisation keywords when the ASN is not curated", () => {
    expect(classifyNetwork(64512, "Acme Hosting Ltd").networkClass).toBe("hosting");
    expect(classifyNetwork(64512, "Example VPS Provider").networkClass).toBe("hosting");
    expect(classifyNetwork(64512, "Comcast Cable Communications").networkClass).toBe("none");
    expect(classifyNetwork(null, null).networkClass).toBe("unknown");
  });
});

describe("haversine distance", () => {
  it("measures New York to Los Angeles at about 3,940 km and refuses missing coordinates", () => {
    const d = haversineKm({ latitude: 40.7128, longitude: -74.006 }, { latitude: 34.0522, longitude: -118.2437 });
    expect(d).toBeGreaterThan(3900);
    expect(d).toBeLessThan(3980);
    expect(haversineKm({ latitude: null, longitude: 1 }, { latitude: 0, longitude: 0 })).toBeNull();
    expect(haversineKm({ latitude: 91, longitude: 0 }, { latitude: 0, longitude: 0 })).toBeNull();
  });
});

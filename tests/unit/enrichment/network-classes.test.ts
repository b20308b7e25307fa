// Issue 10, item 5: Tor exits, privacy relays / CDN egress and hosting / VPS each classified and explained, and the
// extended hosting list (bullet-proof and VPS providers) answering on the shipped ASN data.
import { beforeAll, describe, expect, it } from "vitest";

import { classifyNetwork, configureIpData, CURATED_NETWORKS, lookupIp, NETWORK_CLASS_EXPLANATIONS, preloadIpData } from "@/lib/enrichment/ip";

describe("network classes are explained", () => {
  it("every curated class carries an explanation of why its country is not the user's", () => {
    expect(classifyNetwork(60729, "Stiftung Erneuerbare Freiheit").networkReason).toMatch(/curated list\) — Tor exit: .*country says nothing about where the user is/);
    expect(classifyNetwork(13335, "Cloudflare, Inc.").networkReason).toMatch(/privacy relay \/ CDN egress .*not the user's/);
    expect(classifyNetwork(14061, "DigitalOcean, LLC").networkReason).toMatch(/cloud \/ VPS \/ dedicated-server network/);
    expect(classifyNetwork(39351, "31173 Services AB").networkReason).toMatch(/commercial VPN exit/);
    for (const cls of ["tor", "relay", "vpn", "hosting"] as const) expect(NETWORK_CLASS_EXPLANATIONS[cls].length).toBeGreaterThan(20);
  });

  it("keyword classifications are explained too; an ordinary ISP gets no class and no reason", () => {
    expect(classifyNetwork(999_999, "Example Hosting Ltd")).toEqual({ networkClass: "hosting", networkReason: expect.stringMatching(/^organisation name contains "hosting" — cloud \/ VPS/) });
    expect(classifyNetwork(7922, "Comcast Cable Communications, LLC")).toEqual({ networkClass: "none", networkReason: null });
  });

  it("lists every ASN once, with a provider name", () => {
    const asns = CURATED_NETWORKS.map((n) => n.asn);
    expect(new Set(asns).size).toBe(asns.length);
    for (const n of CURATED_NETWORKS) expect(n.provider.length, String(n.asn)).toBeGreaterThan(2);
  });
});

describe("the extended list on the shipped ASN data", () => {
  beforeAll(() => {
    configureIpData();
    expect(preloadIpData().errors).toEqual([]);
  }, 60_000);

  it("classifies bullet-proof and VPS hosts missing before (AEZA, Stark Industries, IBM Cloud) as hosting", () => {
    expect(lookupIp("5.182.86.10")).toMatchObject({ asn: 210644, networkClass: "hosting", networkReason: expect.stringContaining("AEZA") });
    expect(lookupIp("104.253.158.10")).toMatchObject({ asn: 44477, networkClass: "hosting", networkReason: expect.stringContaining("Stark Industries") });
    expect(lookupIp("5.10.96.10")).toMatchObject({ asn: 36351, networkClass: "hosting" });
  });

  it("classifies iCloud Private Relay egress on Akamai and Cloudflare WARP egress as relay, not VPN or hosting", () => {
    expect(lookupIp("172.224.0.10")).toMatchObject({ asn: 20940, networkClass: "relay" });
    expect(lookupIp("104.28.0.1")).toMatchObject({ asn: 13335, networkClass: "relay", networkReason: expect.stringContaining("WARP") });
  });

  it("leaves a residential ISP unclassified", () => {
    expect(lookupIp("73.162.0.1")).toMatchObject({ asn: 7922, networkClass: "none", networkReason: null });
  });
});

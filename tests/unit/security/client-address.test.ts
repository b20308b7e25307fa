import { describe, expect, it } from "vitest";
import { clientAddress, isTrusted, parseTrustedProxies } from "../../../scripts/lib/client-address.mjs";

describe("client address (scripts/server.mjs decides it before Next sees the request)", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says (issue 9: the audited IP was spoofable)", () => {
    expect(clientAddress("203.0.113.9", "1.2.3.4", [])).toBe("203.0.113.9");
    expect(clientAddress("::ffff:198.51.100.7", "10.0.0.1, 1.2.3.4", [])).toBe("198.51.100.7");
  });

  it("behind trusted proxies reads X-Forwarded-For from the right, skipping our own hops", () => {
    const trusted = parseTrustedProxies("127.0.0.1, 10.0.0.0/8");
    // client → (spoofed entry) → proxy 10.1.2.3 → load balancer 127.0.0.1 → us
    expect(clientAddress("127.0.0.1", "6.6.6.6, 198.51.100.20, 10.1.2.3", trusted)).toBe("198.51.100.20");
    expect(clientAddress("127.0.0.1", ["198.51.100.20", "10.1.2.3"], trusted)).toBe("198.51.100.20");
    // A peer we don't trust: its header is ignored.
    expect(clientAddress("192.0.2.50", "198.51.100.20", trusted)).toBe("192.0.2.50");
    // A malformed hop stops the walk at the nearest address.
    expect(clientAddress("127.0.0.1", "198.51.100.20, not-an-ip, 10.1.2.3", trusted)).toBe("10.1.2.3");
    // Only trusted hops: the leftmost is all we know.
    expect(clientAddress("127.0.0.1", "10.9.9.9", trusted)).toBe("10.9.9.9");
  });

  it("matches IPv4 and IPv6 ranges and refuses a malformed setting loudly", () => {
    const trusted = parseTrustedProxies("192.168.0.0/16,2001:db8::/32,::1");
    expect(isTrusted("192.168.44.1", trusted)).toBe(true);
    expect(isTrusted("192.169.0.1", trusted)).toBe(false);
    expect(isTrusted("2001:db8:abcd::1", trusted)).toBe(true);
    expect(isTrusted("2001:db9::1", trusted)).toBe(false);
    expect(isTrusted("::1", trusted)).toBe(true);
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/TRUSTED_PROXIES/);
    expect(() => parseTrustedProxies("proxy.internal")).toThrow(/TRUSTED_PROXIES/);
    expect(parseTrustedProxies("")).toEqual([]);
  });
});

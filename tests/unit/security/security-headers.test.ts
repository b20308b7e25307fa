import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, NON_DOCUMENT_CSP, STATIC_SECURITY_HEADERS } from "@/lib/security-headers";

describe("security headers (issue 9: none were sent; admin pages loaded in a frame)", () => {
  it("pages: scripts only with the nonce, no framing, no plugins, no eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", dev: false, https: false });
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", dev: false, https: true })).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", dev: true, https: false })).toContain("'unsafe-eval'");
  });

  it("every response: nosniff, no framing, a referrer policy", () => {
    const byName = Object.fromEntries(STATIC_SECURITY_HEADERS.map((h) => [h.key.toLowerCase(), h.value]));
    expect(byName["x-content-type-options"]).toBe("nosniff");
    expect(byName["x-frame-options"]).toBe("DENY");
    expect(byName["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(NON_DOCUMENT_CSP).toContain("frame-ancestors 'none'");
  });
});

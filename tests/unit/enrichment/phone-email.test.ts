import { describe, expect, it } from "vitest";

import { canonicalEmail, enrichEmail } from "@/lib/enrichment/email";
import { enrichPhone } from "@/lib/enrichment/phone";

describe("enrichPhone", () => {
  it("detects VoIP ranges (UK 056, NL 085) and the number's country", () => {
    expect(enrichPhone("+44 56 1234 5678")).toMatchObject({ valid: true, lineType: "VOIP", country: "GB", e164: "+445612345678" });
    expect(enrichPhone("+31 85 123 4567")).toMatchObject({ valid: true, lineType: "VOIP", country: "NL" });
  });

  it("reads a number without +prefix in the claimed country and compares countries", () => {
    const uk = enrichPhone("020 7946 0958", { claimedCountry: "United Kingdom" });
    expect(uk).toMatchObject({ valid: true, e164: "+442079460958", lineType: "FIXED_LINE", matchesClaimedCountry: true, defaultRegion: "GB" });
    expect(enrichPhone("+82 10 1234 5678", { claimedCountry: "USA" })).toMatchObject({ lineType: "MOBILE", country: "KR", matchesClaimedCountry: false });
    expect(enrichPhone("0044 20 7946 0958").e164).toBe("+442079460958");
  });

  it("leaves facts unknown when the number cannot be read", () => {
    expect(enrichPhone("020 7946 0958")).toMatchObject({ valid: false, e164: null, matchesClaimedCountry: null });
    expect(enrichPhone("+1 200 000 0000")).toMatchObject({ parseable: true, valid: false, lineType: "UNKNOWN" });
    expect(enrichPhone("call me")).toMatchObject({ valid: false, parseable: false });
  });
});

describe("enrichEmail", () => {
  it("canonicalises provider aliases: Gmail dots and tags, googlemail, Yahoo '-', Outlook '+'", () => {
    expect(canonicalEmail("J.Doe+jobs@GoogleMail.com")).toBe("jdoe@gmail.com");
    expect(canonicalEmail("john-work@yahoo.com")).toBe("john@yahoo.com");
    expect(canonicalEmail("a.b+c@outlook.com")).toBe("a.b@outlook.com");
    expect(canonicalEmail("first.last+x@company.com")).toBe("first.last+x@company.com");
    expect(enrichEmail("J.Doe@gmail.com").hadAlias).toBe(true);
  });

  it("flags disposable domains (and their subdomains) and free webmail", () => {
    expect(enrichEmail("x@mailinator.com")).toMatchObject({ validSyntax: true, disposable: true, freeWebmail: false });
    expect(enrichEmail("x@inbox.mailinator.com").disposable).toBe(true);
    expect(enrichEmail("x@gmail.com")).toMatchObject({ disposable: false, freeWebmail: true });
    expect(enrichEmail("hr@example-employer.com")).toMatchObject({ disposable: false, freeWebmail: false });
  });

  it("rejects invalid syntax with unknown facts", () => {
    for (const bad of ["bad@@x.com", "a@b", "no-at-sign", ".a@x.com", "a..b@x.com"]) {
      expect(enrichEmail(bad), bad).toMatchObject({ validSyntax: false, canonical: null, disposable: null });
    }
  });
});

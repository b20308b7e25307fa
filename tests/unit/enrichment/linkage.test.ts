import { describe, expect, it } from "vitest";

import {
  hmacIdentifier,
  jaccard,
  lshBands,
  minhashSignature,
  normaliseAddress,
  normaliseDeviceFingerprint,
  normaliseEmail,
  normaliseIp,
  normalisePhone,
  signatureSimilarity,
} from "@/lib/enrichment/linkage";

describe("identifier normalisation", () => {
  it("normalises postal addresses USPS-style", () => {
    const a = normaliseAddress("1918 W Thomas Rd");
    expect(a).toBe("1918 w thomas rd");
    expect(normaliseAddress("1918 West Thomas Road")).toBe(a);
    const units = ["1918 W Thomas Rd Apt 4B", "1918 West Thomas Road, Unit 4b", "1918 w. thomas rd. #4B", "1918 W Thomas Rd Suite 4-B"];
    expect(new Set(units.map(normaliseAddress))).toEqual(new Set(["1918 w thomas rd # 4b"]));
    expect(normaliseAddress("1918 W Thomas Rd Apt 4C")).not.toBe("1918 w thomas rd # 4b");
    expect(normaliseAddress("   ")).toBeNull();
  });

  it("reuses the email, phone and IP canonical forms", () => {
    expect(normaliseEmail("J.Doe+jobs@gmail.com")).toBe(normaliseEmail("jdoe@googlemail.com"));
    expect(normalisePhone("020 7946 0958", "GB")).toBe(normalisePhone("+44 20 7946 0958"));
    expect(normaliseIp("2001:0DB8:0:0::0001")).toBe("2001:db8::1");
    expect(normaliseDeviceFingerprint("  AbC123 ")).toBe("abc123");
    expect(normaliseDeviceFingerprint(" ")).toBeNull();
  });

  it("hashes bank/ID numbers with a key, by kind, keeping the last 4", () => {
    const a = hmacIdentifier("secret", "bank-account", "1234 5678-90");
    expect(a).toEqual(hmacIdentifier("secret", "bank-account", "1234567890"));
    expect(a?.last4).toBe("7890");
    expect(a?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hmacIdentifier("secret", "national-id", "1234567890")?.hash).not.toBe(a?.hash);
    expect(hmacIdentifier("other-secret", "bank-account", "1234567890")?.hash).not.toBe(a?.hash);
    expect(hmacIdentifier("secret", "iban", "GB29 NWBK 6016 1331 9268 19")?.hash).toBe(hmacIdentifier("secret", "iban", "gb29nwbk60161331926819")?.hash);
    expect(hmacIdentifier("secret", "bank-account", " - ")).toBeNull();
    expect(() => hmacIdentifier("", "bank-account", "1")).toThrow();
  });
});

describe("near-duplicate résumés", () => {
  const base =
    "Senior full stack engineer with ten years of experience building React and Node applications for fintech clients. " +
    "Led the migration to microservices, mentored junior developers, improved latency by forty percent and owned the CI " +
    "pipeline end to end across three product teams in two countries.";
  const edited = base.replace("forty", "fifty").replace("three product", "four product");
  const other =
    "Data scientist focused on causal inference and experimentation platforms at a large retailer. Built forecasting " +
    "models in Python and R, published papers on uplift modelling and presented the results at several conferences.";

  it("is deterministic and sized as asked", () => {
    const sig = minhashSignature(base, { numHashes: 128 });
    expect(sig).toHaveLength(128);
    expect(minhashSignature(base)).toEqual(sig);
    const bands = lshBands(sig, { bands: 32 });
    expect(bands).toBeInstanceOf(Int32Array);
    expect(bands).toHaveLength(32);
    expect(lshBands(minhashSignature(base))).toEqual(bands);
  });

  it("estimates Jaccard, shares bands for near-duplicates and none for unrelated texts", () => {
    const exact = jaccard(base, edited);
    expect(exact).toBeGreaterThan(0.5);
    expect(exact).toBeLessThan(1);
    const estimate = signatureSimilarity(minhashSignature(base), minhashSignature(edited));
    expect(Math.abs(estimate - exact)).toBeLessThan(0.15);
    const shared = (x: Int32Array, y: Int32Array) => [...x].filter((v) => y.includes(v)).length;
    expect(shared(lshBands(minhashSignature(base)), lshBands(minhashSignature(edited)))).toBeGreaterThan(0);
    expect(shared(lshBands(minhashSignature(base)), lshBands(minhashSignature(other)))).toBe(0);
    expect(jaccard(base, other)).toBe(0);
    expect(jaccard(base.toUpperCase(), base)).toBe(1);
  });

  it("rejects band counts that do not divide the signature", () => {
    expect(() => lshBands(minhashSignature(base), { bands: 30 })).toThrow(RangeError);
  });
});

import { describe, expect, it } from "vitest";
import { SlidingWindowLimiter, TokenBucketLimiter } from "@/lib/server/rate-limit/rate-limiter";

describe("rate limiters", () => {
  it("a sliding window refuses the event past the limit and says when to come back", () => {
    const limiter = new SlidingWindowLimiter(3, 60_000);
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) {
      expect(limiter.check("k", t0 + i).limited).toBe(false);
      limiter.record("k", t0 + i);
    }
    expect(limiter.check("k", t0 + 10)).toEqual({ limited: true, retryAfterSeconds: 60 });
    expect(limiter.check("other", t0 + 10).limited).toBe(false);
    // The oldest event leaves the window after a minute.
    expect(limiter.check("k", t0 + 60_001).limited).toBe(false);
    limiter.reset("k");
    expect(limiter.check("k", t0 + 20).limited).toBe(false);
  });

  it("a token bucket allows a burst, then the refill rate, with Retry-After", () => {
    const bucket = new TokenBucketLimiter(2, 5);
    const t0 = 5_000_000;
    for (let i = 0; i < 5; i++) expect(bucket.take("key", t0).limited).toBe(false);
    expect(bucket.take("key", t0)).toEqual({ limited: true, retryAfterSeconds: 1 });
    // Half a second later one token is back (2 per second).
    expect(bucket.take("key", t0 + 500).limited).toBe(false);
    expect(bucket.take("key", t0 + 500).limited).toBe(true);
    expect(bucket.take("another key", t0).limited).toBe(false);
  });

  it("stays bounded however many keys an attacker uses", () => {
    const limiter = new SlidingWindowLimiter(1, 60_000);
    for (let i = 0; i < 60_000; i++) limiter.record(`k${i}`, 1);
    // The oldest were evicted, the newest remain.
    expect(limiter.check("k0", 2).limited).toBe(false);
    expect(limiter.check("k59999", 2).limited).toBe(true);
  });
});

import "server-only";

// In-process rate limiting. Each process counts what it serves: with N web processes behind a balancer an attacker
// gets at most N times a limit, which is still bounded; a shared store would add a database write to every request
// (the API's hot path). Entries are swept as they expire and the map is capped, so memory stays bounded whatever
// the traffic (an attacker rotating keys evicts the oldest entries, never grows the process).

const MAX_ENTRIES = 50_000;

export type LimitDecision = { limited: false } | { limited: true; retryAfterSeconds: number };

/** A window of `limit` events per `windowMs`, counted with a sliding log (exact, small limits: sign-in failures). */
export class SlidingWindowLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
  ) {}

  /** Whether `key` has used up its limit now, and if so when the oldest counted event leaves the window. */
  check(key: string, now = Date.now()): LimitDecision {
    const log = this.live(key, now);
    if (log.length < this.limit) return { limited: false };
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((log[0] + this.windowMs - now) / 1000)) };
  }

  /** Counts one event for `key`. */
  record(key: string, now = Date.now()): void {
    const log = this.live(key, now);
    log.push(now);
    // Re-insert so the map's order is least-recently-used first.
    this.events.delete(key);
    this.events.set(key, log.length > this.limit ? log.slice(-this.limit) : log);
    evictOldest(this.events);
  }

  /** Forgets `key` (e.g. after a successful sign-in from the same place). */
  reset(key: string): void {
    this.events.delete(key);
  }

  private live(key: string, now: number): number[] {
    const log = this.events.get(key);
    if (!log) return [];
    const fresh = log.filter((t) => now - t < this.windowMs);
    if (fresh.length === 0) this.events.delete(key);
    else if (fresh.length !== log.length) this.events.set(key, fresh);
    return fresh;
  }
}

/** A token bucket: `burst` requests at once, refilled at `perSecond` (API calls per key or per user). */
export class TokenBucketLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    readonly perSecond: number,
    readonly burst: number,
  ) {}

  /** Takes one token for `key`, or says how long until one is available. */
  take(key: string, now = Date.now()): LimitDecision {
    const bucket = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    evictOldest(this.buckets);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { limited: false };
    }
    return { limited: true, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / this.perSecond)) };
  }
}

function evictOldest(map: Map<string, unknown>) {
  while (map.size > MAX_ENTRIES) {
    const oldest = map.keys().next().value;
    if (oldest === undefined) break;
    map.delete(oldest);
  }
}

/**
 * One instance per process and name. Next compiles route handlers, server actions and Auth.js into separate bundles,
 * each with its own copy of this module; counting in one place means keeping the limiter on globalThis.
 */
export function processLimiter<T>(name: string, create: () => T): T {
  const store = ((globalThis as { [STORE]?: Map<string, unknown> })[STORE] ??= new Map<string, unknown>());
  if (!store.has(name)) store.set(name, create());
  return store.get(name) as T;
}
const STORE = Symbol.for("hiring-risk-screen.rate-limiters");

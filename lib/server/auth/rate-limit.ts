import "server-only";

// A small in-process fixed-window counter (one app process serves this product; a cluster would move it to Postgres).
const windows = new Map<string, { start: number; count: number }>();

type Window = { limit: number; windowMs: number };

function current(key: string, windowMs: number) {
  const w = windows.get(key);
  return w && performance.now() - w.start < windowMs ? w : null;
}

/** True when `key` has used up its `limit` in the current window (counting only what `countAttempt` recorded). */
export function isRateLimited(key: string, { limit, windowMs }: Window): boolean {
  return (current(key, windowMs)?.count ?? 0) >= limit;
}

/** Counts one attempt against `key` in the current window (a new window starts when the last one has passed). */
export function countAttempt(key: string, { windowMs }: Pick<Window, "windowMs">): void {
  const w = current(key, windowMs);
  if (w) {
    w.count += 1;
    return;
  }
  windows.set(key, { start: performance.now(), count: 1 });
  if (windows.size > 10_000) windows.clear();
}

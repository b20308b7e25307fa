import "server-only";

// A small in-process fixed-window limiter (one app process serves this product; a cluster would move it to Postgres).
const windows = new Map<string, { start: number; count: number }>();

export function takeRateLimit(key: string, { limit, windowMs }: { limit: number; windowMs: number }): boolean {
  const now = performance.now();
  const w = windows.get(key);
  if (!w || now - w.start >= windowMs) {
    windows.set(key, { start: now, count: 1 });
    if (windows.size > 10_000) windows.clear();
    return true;
  }
  w.count += 1;
  return w.count <= limit;
}

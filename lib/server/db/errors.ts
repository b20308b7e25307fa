import "server-only";

// What a lost or refused database connection looks like from node-postgres, Prisma's adapter and Postgres itself.
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "57P01", // admin_shutdown (the server is stopping)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
  "08000", // connection_exception
  "08001",
  "08003",
  "08004",
  "08006", // connection_failure
  "53300", // too_many_connections
  "P1001", // Prisma: can't reach the database server
  "P1002",
  "P1017", // Prisma: the server closed the connection
  "P2024", // Prisma: timed out fetching a connection from the pool
]);
const UNAVAILABLE_MESSAGES = /Connection terminated|terminating connection|Client has encountered a connection error|connection is insufficient|the database system is (starting up|shutting down)|timeout exceeded when trying to connect|Connection refused|server closed the connection|Can't reach database server/i;
// Prisma's driver adapter reports a lost connection as a kind, not a code — on a raw query ($queryRaw: P2010) that
// kind is the only sign, in `meta.driverAdapterError.cause`.
const UNAVAILABLE_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);

/**
 * True when `error` (or its cause) means the database could not be reached or dropped the connection — the request
 * may well succeed a few seconds later, so callers answer 503 with Retry-After instead of a 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== "object" || error === null || depth > 5) return false;
  const e = error as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; errors?: unknown; meta?: { driverAdapterError?: unknown } };
  if (typeof e.code === "string" && UNAVAILABLE_CODES.has(e.code)) return true;
  if (typeof e.originalCode === "string" && UNAVAILABLE_CODES.has(e.originalCode)) return true;
  if (typeof e.kind === "string" && UNAVAILABLE_ADAPTER_KINDS.has(e.kind)) return true;
  if (typeof e.message === "string" && UNAVAILABLE_MESSAGES.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  if (typeof e.meta === "object" && e.meta !== null && isDatabaseUnavailable(e.meta.driverAdapterError, depth + 1)) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}

/** True for a Postgres unique violation as Prisma reports it (P2002), optionally on a given column. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return false;
  if (!field) return true;
  const meta = (error as { meta?: Record<string, unknown> }).meta;
  return JSON.stringify(meta ?? {}).includes(field);
}

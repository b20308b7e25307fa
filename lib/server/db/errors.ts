import "server-only";

/** True for a Postgres unique violation as Prisma reports it (P2002), optionally on a given column. */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (typeof error !== "object" || error === null || (error as { code?: unknown }).code !== "P2002") return false;
  if (!field) return true;
  const meta = (error as { meta?: Record<string, unknown> }).meta;
  return JSON.stringify(meta ?? {}).includes(field);
}

import "server-only";
import { ADMIN_AUDIT_CATEGORIES, AUDIT_ACTIONS, auditActionsIn, type AuditCategory } from "@/lib/audit-actions";
import { AppError } from "@/lib/errors";
import type { AuditExportQuery, AuditLogQuery } from "@/lib/schemas/audit";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, Prisma } from "../db";

export type AuditLogEntry = {
  id: string;
  at: Date;
  action: string;
  actor: { id: string; name: string; email: string } | null;
  subjectType: string;
  subjectId: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  userAgent: string | null;
  credential: string | null;
  /** The event's link in the hash chain (ADR 0010). */
  hash: string | null;
};

// Keyset pagination on (at, id) — the `at DESC` and `(action, at DESC)` indexes — so every page costs the same.
function encodeCursor(e: { at: Date; id: string }): string {
  return Buffer.from(`${e.at.toISOString()}|${e.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { at: Date; id: bigint } {
  const [at, id] = Buffer.from(cursor, "base64url").toString().split("|");
  const date = new Date(at ?? "");
  if (Number.isNaN(date.getTime()) || !/^\d{1,19}$/.test(id ?? "")) {
    throw new AppError("VALIDATION", "That page link is invalid. Start again from the first page.", { fieldErrors: { cursor: ["Invalid page link"] } });
  }
  return { at: date, id: BigInt(id) };
}

/** The WHERE clause of the audit log's filters (shared by the page and the CSV export); `after` continues a keyset. */
export function auditFilterSql(query: AuditExportQuery, after?: { at: Date; id: bigint }): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  const actions = query.action
    ? [query.action]
    : query.category === "all"
      ? null
      : query.category === "admin"
        ? auditActionsIn(ADMIN_AUDIT_CATEGORIES)
        : auditActionsIn([query.category as AuditCategory]);
  if (actions) where.push(Prisma.sql`e.action = ANY (${actions}::text[])`);
  if (query.subjectType) where.push(Prisma.sql`e.subject_type = ${query.subjectType}`);
  if (query.subject) where.push(Prisma.sql`e.subject_id = ${query.subject}`);
  if (query.actor) {
    const like = `%${query.actor.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(Prisma.sql`e.actor_id IN (SELECT id FROM users WHERE email ILIKE ${like} OR name ILIKE ${like})`);
  }
  if (query.from) where.push(Prisma.sql`e.at >= ${new Date(`${query.from}T00:00:00Z`)}`);
  if (query.to) where.push(Prisma.sql`e.at < ${new Date(Date.parse(`${query.to}T00:00:00Z`) + 86_400_000)}`);
  if (after) where.push(Prisma.sql`(e.at, e.id) < (${after.at}, ${after.id})`);
  return where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty;
}

export type AuditEventRow = {
  id: bigint;
  at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  subject_type: string;
  subject_id: string | null;
  before: unknown;
  after: unknown;
  ip: string | null;
  user_agent: string | null;
  credential: string | null;
  prev_hash: string | null;
  hash: string | null;
  /** before/after as PostgreSQL renders them (`jsonb::text`): the exact text the chain hashes (ADR 0010). */
  before_text: string | null;
  after_text: string | null;
};

/** One page of the filtered log, newest first, on the (at, id) keyset. */
export async function selectAuditEvents(query: AuditExportQuery, limit: number, after?: { at: Date; id: bigint }): Promise<AuditEventRow[]> {
  return getDb().$queryRaw<AuditEventRow[]>`
    SELECT e.id, e.at, e.action, e.actor_id, u.name AS actor_name, u.email AS actor_email, e.subject_type, e.subject_id,
           e.before, e.after, e.ip, e.user_agent, e.credential, e.prev_hash, e.hash, e.before::text AS before_text, e.after::text AS after_text
      FROM audit_events e LEFT JOIN users u ON u.id = e.actor_id
      ${auditFilterSql(query, after)}
      ORDER BY e.at DESC, e.id DESC
      LIMIT ${limit}`;
}

/**
 * The audit log (security analysts and admins: audit.read): who did what, when, from where and with which
 * credential — sign-ins (failed and refused too), user and key management, rulesets, sanctions lists and candidates.
 */
export async function listAuditEvents({ actor, query }: { actor: Actor; query: AuditLogQuery }) {
  assertPermission(actor, "audit.read");
  const rows = await selectAuditEvents(query, query.limit + 1, query.cursor ? decodeCursor(query.cursor) : undefined);
  const items: AuditLogEntry[] = rows.slice(0, query.limit).map((r) => ({
    id: r.id.toString(),
    at: r.at,
    action: r.action,
    actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "", email: r.actor_email ?? "" } : null,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    before: r.before,
    after: r.after,
    ip: r.ip,
    userAgent: r.user_agent,
    credential: r.credential,
    hash: r.hash,
  }));
  return { items, nextCursor: rows.length > query.limit ? encodeCursor(items[items.length - 1]) : null, knownActions: AUDIT_ACTIONS };
}

import "server-only";
import type { AuditAction } from "@/lib/audit-actions";
import type { Prisma, Tx } from "../db";

/**
 * Where a request came from, as audited. `credential` says how the actor proved who they were:
 * "session:<first 8 characters of the session id>" or "api_key:<key prefix>"; absent for the system.
 */
export type RequestMeta = { ip: string | null; userAgent: string | null; credential?: string | null };

/** Every audited action, in one place (lib/audit-actions.ts), so the trail is read and filtered by a known vocabulary. */
export type { AuditAction } from "@/lib/audit-actions";

export type RecordAuditEventOptions = {
  actorId: string | null;
  action: AuditAction;
  subjectType: string;
  subjectId: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  meta?: RequestMeta;
};

/** Writes an audit row inside the caller's transaction: the change and its audit land together or not at all. */
export async function recordAuditEvent(tx: Tx, options: RecordAuditEventOptions): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: options.actorId,
      action: options.action,
      subjectType: options.subjectType,
      subjectId: options.subjectId,
      before: options.before,
      after: options.after,
      ip: options.meta?.ip?.slice(0, 100) ?? null,
      userAgent: options.meta?.userAgent?.slice(0, 500) ?? null,
      credential: options.meta?.credential ?? null,
    },
  });
}

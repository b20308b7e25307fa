import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { auditExportQuerySchema, type AuditExportQuery } from "@/lib/schemas/audit";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { csvStream } from "../exports/csv-stream";
import { recordAuditEvent, type RequestMeta } from "./record-audit-event";
import { selectAuditEvents } from "./list-audit-events";

const PAGE = 2_000;
const FIELDS = ["id", "at", "action", "actor_id", "actor_email", "actor_name", "subject_type", "subject_id", "before", "after", "ip", "user_agent", "credential", "prev_hash", "hash"];
const FILTER_KEYS = ["category", "action", "actor", "subject", "subjectType", "from", "to"] as const;

/** The export's filters from its URL (the audit log's own parameters); an invalid one is a 400 naming it. */
export function parseAuditExportQuery(params: URLSearchParams): AuditExportQuery {
  const parsed = auditExportQuerySchema.safeParse(Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? undefined])));
  if (!parsed.success) {
    throw new AppError("VALIDATION", "Some filters are invalid.", { fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]> });
  }
  return parsed.data;
}

export type ExportAuditEventsCsvOptions = { actor: Actor; query: AuditExportQuery; meta?: RequestMeta };

/**
 * The audit events the log's filters select, newest first, as formula-safe CSV (csv-stream.ts) with each event's
 * chain hashes. Every field the chain hashes is there as hashed (`at` in UTC milliseconds, actor id, before/after as
 * jsonb text), so a row can be re-hashed with lib/audit-chain.ts once a formula-escaping ' is taken off. CSV cannot
 * tell NULL from empty text, though: the verifiable form of an excerpt is the JSON pack (`audit:verify --pack`). The export is itself audited (with its filters)
 * before the first byte leaves.
 */
export async function exportAuditEventsCsv({ actor, query, meta }: ExportAuditEventsCsvOptions): Promise<ReadableStream<Uint8Array>> {
  assertPermission(actor, "audit.read");
  await getDb().$transaction((tx) =>
    recordAuditEvent(tx, { actorId: actor.id, action: "audit.exported", subjectType: "AuditLog", subjectId: null, after: { export: "audit.csv", filter: JSON.parse(JSON.stringify(query)) }, meta }),
  );
  return csvStream(FIELDS, pages(query));
}

async function* pages(query: AuditExportQuery) {
  let after: { at: Date; id: bigint } | undefined;
  for (;;) {
    const rows = await selectAuditEvents(query, PAGE, after);
    if (rows.length === 0) return;
    yield rows.map((r) => [
      r.id.toString(),
      r.at,
      r.action,
      r.actor_id,
      r.actor_email,
      r.actor_name,
      r.subject_type,
      r.subject_id,
      r.before_text,
      r.after_text,
      r.ip,
      r.user_agent,
      r.credential,
      r.prev_hash,
      r.hash,
    ]);
    if (rows.length < PAGE) return;
    const last = rows[rows.length - 1];
    after = { at: last.at, id: last.id };
  }
}

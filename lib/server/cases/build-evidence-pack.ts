import "server-only";
import { CHAINED_AUDIT_EVENT_COLUMNS, chainedAuditEventFromRow, type ChainedAuditEvent, type ChainedAuditEventRow } from "@/lib/audit-chain";
import { AppError } from "@/lib/errors";
import { contentSha256, EVIDENCE_EXPORT_ACTION, EVIDENCE_PACK_FORMAT, type EvidenceExportRecord } from "@/lib/evidence-pack";
import { isUuid } from "@/lib/schemas/uuid";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";

export type EvidencePack = {
  format: typeof EVIDENCE_PACK_FORMAT;
  generatedAt: string;
  generatedBy: { id: string; name: string };
  content: Record<string, unknown>;
  contentSha256: string;
  /** Audit events about the case and its candidate, in chain order, gap markers between; the export event last. */
  events: (ChainedAuditEvent | { gap: true; omitted: number })[];
  /** The chain head when the pack was made (its last event). */
  chainHead: { id: string; hash: string | null };
};

const EVENTS_SQL = `SELECT ${CHAINED_AUDIT_EVENT_COLUMNS} FROM audit_events e WHERE e.id = ANY($1::bigint[]) ORDER BY e.id`;

const json = <T,>(v: T): unknown => JSON.parse(JSON.stringify(v));

/**
 * The evidence pack of one review case (issue 11): the case and its history, the candidate's profile, every
 * screening with its facts snapshot, ruleset version (config included), engine and sanctions-list versions, hits with
 * evidence and sources, verification steps and outcomes, decisions and explained flags, and the audit events about
 * the case and the candidate with their chain hashes. The export is itself audited, and that event anchors the pack's
 * content hash and event list in the chain, so `npm run audit:verify -- --pack <file>` proves it offline.
 */
export async function buildEvidencePack({ actor, caseId, meta }: { actor: Actor; caseId: string; meta?: RequestMeta }): Promise<EvidencePack> {
  assertPermission(actor, "cases.read");
  if (!isUuid(caseId)) throw new AppError("NOT_FOUND", "No review case with that id.");
  const db = getDb();
  const c = await db.reviewCase.findUnique({
    where: { id: caseId },
    include: {
      notes: { orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { author: { select: { id: true, name: true } } } },
      transitions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      labels: { orderBy: [{ decidedAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!c) throw new AppError("NOT_FOUND", "No review case with that id.");
  const candidateId = c.candidateId;
  const candidate = candidateId
    ? await db.candidate.findUnique({ where: { id: candidateId }, select: { id: true, externalId: true, fullName: true, email: true, stage: true, profile: true, createdAt: true, updatedAt: true } })
    : null;
  const screenings = candidateId
    ? await db.screening.findMany({
        where: { candidateId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          createdAt: true,
          stage: true,
          trigger: true,
          score: true,
          band: true,
          engineVersion: true,
          hits: true,
          details: true,
          facts: true,
          rulesetVersion: { select: { id: true, version: true, status: true, publishedAt: true, config: true } },
        },
      })
    : [];
  const decisions = candidateId ? await db.decision.findMany({ where: { candidateId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }) : [];
  const explanations = candidateId
    ? await db.flagExplanation.findMany({ where: { candidateId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], include: { review: true } })
    : [];

  const content = json({
    case: { ...c, notes: undefined, transitions: undefined, labels: undefined },
    notes: c.notes.map((n) => ({ id: n.id, body: n.body, author: n.author, createdAt: n.createdAt })),
    transitions: c.transitions,
    outcomeLabels: c.labels,
    candidate,
    screenings: screenings.map((s) => {
      const details = (s.details ?? {}) as Record<string, unknown>;
      return {
        id: s.id,
        createdAt: s.createdAt,
        stage: s.stage,
        trigger: s.trigger,
        score: s.score,
        band: s.band,
        engineVersion: s.engineVersion,
        ruleset: s.rulesetVersion,
        sanctionsListVersion: details.sanctionsListVersion ?? null,
        hits: s.hits,
        suppressed: details.suppressed ?? [],
        verificationSteps: details.verificationSteps ?? [],
        corroboration: details.corroboration ?? null,
        facts: s.facts,
      };
    }),
    decisions,
    explanations,
  }) as Record<string, unknown>;
  const sha = contentSha256(content);

  // The events about this case and candidate, then the export event naming them and the content hash: one transaction.
  const exportId = await db.$transaction(async (tx) => {
    const subjects = [caseId, ...(candidateId ? [candidateId] : [])];
    const rows = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM audit_events WHERE subject_id = ANY($1::text[]) ORDER BY id`, subjects);
    const record: EvidenceExportRecord = { contentSha256: sha, caseId, candidateId, eventIds: rows.map((r) => r.id) };
    await recordAuditEvent(tx, { actorId: actor.id, action: EVIDENCE_EXPORT_ACTION, subjectType: "ReviewCase", subjectId: caseId, after: json(record) as object, meta });
    const [last] = await tx.$queryRawUnsafe<{ id: string }[]>(`SELECT id::text AS id FROM audit_events WHERE subject_id = $1 AND action = $2 ORDER BY id DESC LIMIT 1`, caseId, EVIDENCE_EXPORT_ACTION);
    return { exportEventId: last.id, ids: record.eventIds };
  });

  const rows = await db.$queryRawUnsafe<ChainedAuditEventRow[]>(EVENTS_SQL, [...exportId.ids, exportId.exportEventId]);
  const events: EvidencePack["events"] = [];
  let previous: bigint | null = null;
  for (const r of rows) {
    const id = BigInt(r.id);
    if (previous !== null && id !== previous + 1n) events.push({ gap: true, omitted: Number(id - previous - 1n) });
    events.push(chainedAuditEventFromRow(r));
    previous = id;
  }
  const last = rows[rows.length - 1];
  const user = await db.user.findUnique({ where: { id: actor.id }, select: { id: true, name: true } });
  return {
    format: EVIDENCE_PACK_FORMAT,
    generatedAt: new Date().toISOString(),
    generatedBy: user ?? { id: actor.id, name: actor.name },
    content,
    contentSha256: sha,
    events,
    chainHead: { id: last.id, hash: last.hash },
  };
}

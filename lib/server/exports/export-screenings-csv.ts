import "server-only";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { csvStream } from "./csv-stream";

const PAGE = 1_000;
const FIELDS = ["screening_id", "candidate_id", "external_id", "full_name", "email", "stage", "score", "band", "rules_hit", "ruleset_version", "engine_version", "trigger", "created_at"];

/** Every screening (one row per engine run) with its candidate, as CSV; audited as a candidates export. */
export async function exportScreeningsCsv({ actor, meta }: { actor: Actor; meta?: RequestMeta }): Promise<ReadableStream<Uint8Array>> {
  assertPermission(actor, "candidates.read");
  const db = getDb();
  const count = await db.screening.count();
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { actorId: actor.id, action: "candidates.exported", subjectType: "Screening", subjectId: null, after: { export: "screenings.csv", rows: count }, meta }),
  );
  return csvStream(
    FIELDS,
    (after: { id: string } | undefined) =>
      db.screening.findMany({
        where: after ? { id: { gt: after.id } } : undefined,
        orderBy: { id: "asc" },
        take: PAGE,
        select: {
          id: true,
          candidateId: true,
          stage: true,
          score: true,
          band: true,
          hits: true,
          engineVersion: true,
          trigger: true,
          createdAt: true,
          rulesetVersion: { select: { version: true } },
          candidate: { select: { externalId: true, fullName: true, email: true } },
        },
      }),
    (s) => [
      s.id,
      s.candidateId,
      s.candidate.externalId,
      s.candidate.fullName,
      s.candidate.email,
      s.stage,
      s.score,
      s.band,
      ruleIds(s.hits),
      s.rulesetVersion.version,
      s.engineVersion,
      s.trigger,
      s.createdAt,
    ],
  );
}

function ruleIds(hits: unknown): string[] {
  if (!Array.isArray(hits)) return [];
  return hits.map((h) => (h && typeof h === "object" && "ruleId" in h ? String((h as { ruleId: unknown }).ruleId) : "")).filter(Boolean);
}

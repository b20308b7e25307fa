import "server-only";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { csvStream } from "./csv-stream";

const PAGE = 1_000;
const FIELDS = ["id", "external_id", "full_name", "email", "phone", "claimed_city", "claimed_region", "claimed_country", "stage", "latest_score", "latest_band", "created_at", "updated_at"];

/** Every candidate as CSV (formula cells neutralised), in id order; the export itself is audited. */
export async function exportCandidatesCsv({ actor, meta }: { actor: Actor; meta?: RequestMeta }): Promise<ReadableStream<Uint8Array>> {
  assertPermission(actor, "candidates.read");
  const db = getDb();
  const count = await db.candidate.count();
  await db.$transaction((tx) =>
    recordAuditEvent(tx, { actorId: actor.id, action: "candidates.exported", subjectType: "Candidate", subjectId: null, after: { export: "candidates.csv", rows: count }, meta }),
  );
  return csvStream(
    FIELDS,
    (after: { id: string } | undefined) =>
      db.candidate.findMany({
        where: after ? { id: { gt: after.id } } : undefined,
        orderBy: { id: "asc" },
        take: PAGE,
        select: { id: true, externalId: true, fullName: true, email: true, phone: true, claimedCity: true, claimedRegion: true, claimedCountry: true, stage: true, latestScore: true, latestBand: true, createdAt: true, updatedAt: true },
      }),
    (c) => [c.id, c.externalId, c.fullName, c.email, c.phone, c.claimedCity, c.claimedRegion, c.claimedCountry, c.stage, c.latestScore, c.latestBand, c.createdAt, c.updatedAt],
  );
}

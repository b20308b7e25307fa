import "server-only";
import { randomUUID } from "node:crypto";
import type { CandidateCreateInput } from "@/lib/schemas/candidate";
import type { RequestMeta } from "../audit/record-audit-event";
import { recordAuditEvent } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { withIdempotency } from "../idempotency";

export type CreateCandidateOptions = {
  actor: Actor;
  input: CandidateCreateInput;
  /** One per rendered form: a double submit or a retry returns the first result. */
  idempotencyKey: string;
  meta?: RequestMeta;
};

export async function createCandidate({ actor, input, idempotencyKey, meta }: CreateCandidateOptions) {
  assertPermission(actor, "candidates.create");
  const id = randomUUID();
  const { resultId, replayed } = await withIdempotency(
    { key: idempotencyKey, actorId: actor.id, action: "candidate.create", resultId: id },
    async (tx) => {
      const candidate = await tx.candidate.create({
        data: {
          id,
          fullName: input.fullName,
          email: input.email,
          phone: input.phone ?? null,
          claimedCity: input.claimedCity ?? null,
          claimedRegion: input.claimedRegion ?? null,
          claimedCountry: input.claimedCountry ?? null,
          createdById: actor.id,
          updatedById: actor.id,
        },
        select: { id: true, fullName: true, email: true, phone: true, claimedCity: true, claimedRegion: true, claimedCountry: true, stage: true },
      });
      await recordAuditEvent(tx, {
        actorId: actor.id,
        action: "candidate.created",
        subjectType: "Candidate",
        subjectId: candidate.id,
        after: candidate,
        meta,
      });
    },
  );
  return { id: resultId, replayed };
}

import "server-only";
import { createHash } from "node:crypto";
import type { CaseNoteInput } from "@/lib/schemas/case";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { lockReviewCase } from "./lock-review-case";

export type AddCaseNoteOptions = { actor: Actor; input: CaseNoteInput; meta?: RequestMeta };

/** A plain-text note on a case (open or closed), append-only, audited with its SHA-256 (the text stays on the case). */
export async function addCaseNote({ actor, input, meta }: AddCaseNoteOptions) {
  assertPermission(actor, "cases.manage");
  return getDb().$transaction(async (tx) => {
    const c = await lockReviewCase(tx, input.caseId);
    const note = await tx.caseNote.create({ data: { caseId: c.id, authorId: actor.id, body: input.body }, select: { id: true, caseId: true, createdAt: true } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "case.note_added",
      subjectType: "ReviewCase",
      subjectId: c.id,
      // The note's hash, not its text: the chained audit event proves the note unaltered without copying it.
      after: { noteId: note.id, candidateId: c.candidateId, length: input.body.length, bodySha256: createHash("sha256").update(input.body).digest("hex") },
      meta,
    });
    return note;
  });
}

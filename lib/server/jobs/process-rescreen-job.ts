import "server-only";
import { isAppError } from "@/lib/errors";
import type { Actor } from "../auth/authorization";
import { getDb } from "../db";
import { submitCandidates } from "../screening/submit-candidates";

export type ProcessRescreenJobResult = { status: "COMPLETED" | "FAILED" | "SKIPPED"; total: number; processed: number; failed: number; rescreened: number };

const PAGE = 200;

/**
 * The worker for a re-screen: every candidate not WITHDRAWN, in id order, gets a new screening at their current stage
 * with their stored profile (an empty update), recorded as the user who triggered it, trigger "rescreen", screened
 * `checkpointEvery` candidates per transaction (progress is written after each). The key
 * `rescreen:<reason>:<subject>:<candidate>` makes a re-run (retry, crash) replay instead of screening twice.
 */
export async function processRescreenJob({ rescreenJobId, checkpointEvery = 100 }: { rescreenJobId: string; checkpointEvery?: number }): Promise<ProcessRescreenJobResult> {
  const batchSize = Math.max(1, Math.floor(checkpointEvery));
  const db = getDb();
  const job = await db.rescreenJob.findUnique({ where: { id: rescreenJobId } });
  if (!job || job.status === "COMPLETED" || job.status === "CANCELLED") {
    return { status: "SKIPPED", total: job?.total ?? 0, processed: job?.processed ?? 0, failed: job?.failed ?? 0, rescreened: 0 };
  }
  const user = await db.user.findUnique({ where: { id: job.createdById }, select: { id: true, email: true, name: true, role: true, disabled: true } });
  if (!user || user.disabled) {
    await db.rescreenJob.update({ where: { id: job.id }, data: { status: "FAILED", finishedAt: new Date() } });
    return { status: "FAILED", total: 0, processed: 0, failed: 0, rescreened: 0 };
  }
  const actor: Actor = { id: user.id, email: user.email, name: user.name, role: user.role };
  const total = await db.candidate.count({ where: { stage: { not: "WITHDRAWN" } } });
  await db.rescreenJob.update({ where: { id: job.id }, data: { status: "RUNNING", total, processed: 0, failed: 0, startedAt: job.startedAt ?? new Date() } });

  let processed = 0;
  let failed = 0;
  let rescreened = 0;
  let cursor: string | undefined;
  try {
    for (;;) {
      const page = await db.candidate.findMany({
        where: { stage: { not: "WITHDRAWN" }, ...(cursor ? { id: { gt: cursor } } : {}) },
        orderBy: { id: "asc" },
        take: PAGE,
        select: { id: true, stage: true },
      });
      if (page.length === 0) break;
      // One transaction per slice of the page; counters are checkpointed after each slice.
      for (let start = 0; start < page.length; start += batchSize) {
        const slice = page.slice(start, start + batchSize);
        const outcomes = await submitCandidates({
          actor,
          items: slice.map((candidate) => ({
            candidateId: candidate.id,
            submission: { stage: candidate.stage, profile: {} },
            // At the stage stored when the screening is written: a user may move the candidate meanwhile.
            keepStage: true,
            idempotencyKey: `rescreen:${job.reason}:${job.subjectId}:${candidate.id}`,
          })),
          trigger: "rescreen",
        });
        slice.forEach((candidate, i) => {
          const outcome = outcomes[i];
          if (outcome.ok) {
            if (!outcome.result.replayed) rescreened++;
          } else {
            // One candidate changed concurrently (CONFLICT) or vanished: count it and go on with the rest.
            if (!isAppError(outcome.error)) console.error(`[rescreen ${job.id}] candidate ${candidate.id} failed`, outcome.error);
            failed++;
          }
        });
        processed += slice.length;
        await db.rescreenJob.update({ where: { id: job.id }, data: { processed, failed } });
      }
      cursor = page[page.length - 1].id;
    }
  } catch (error) {
    await db.rescreenJob.update({ where: { id: job.id }, data: { status: "FAILED", processed, failed } });
    throw error;
  }
  await db.rescreenJob.update({ where: { id: job.id }, data: { status: "COMPLETED", processed, failed, total: Math.max(total, processed), finishedAt: new Date() } });
  return { status: "COMPLETED", total: Math.max(total, processed), processed, failed, rescreened };
}

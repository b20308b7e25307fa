import "server-only";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/errors";
import { getJobQueue, QUEUES, type RescreenJobData } from "./get-job-queue";

export type RescreenReason = "SANCTIONS_LIST" | "RULESET";

export type EnqueueRescreenOptions = {
  reason: RescreenReason;
  /** The sanctions list version or ruleset version that changed. */
  subjectId: string;
  /** The user who imported the list or published the ruleset: the re-screens are recorded as theirs. */
  actorId: string;
};

/**
 * Queues a re-screen of every active (not withdrawn) candidate after the sanctions list or the ruleset changed. One
 * job per (reason, subject): calling it again for the same change returns the existing job and queues nothing.
 * Call it after the change has committed (never inside its transaction: this uses the connection itself).
 */
export async function enqueueRescreen({ reason, subjectId, actorId }: EnqueueRescreenOptions): Promise<{ rescreenJobId: string; created: boolean }> {
  const db = getDb();
  let id: string;
  try {
    ({ id } = await db.rescreenJob.create({ data: { reason, subjectId, createdById: actorId }, select: { id: true } }));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    const existing = await db.rescreenJob.findUniqueOrThrow({ where: { reason_subjectId: { reason, subjectId } }, select: { id: true } });
    return { rescreenJobId: existing.id, created: false };
  }
  try {
    const boss = await getJobQueue();
    const data: RescreenJobData = { rescreenJobId: id };
    await boss.send(QUEUES.rescreen, data, { singletonKey: id });
  } catch (error) {
    // Not queued: forget the row so that calling again queues it.
    await db.rescreenJob.delete({ where: { id } });
    throw error;
  }
  return { rescreenJobId: id, created: true };
}

import "server-only";
import { AppError } from "@/lib/errors";
import type { Tx } from "./db";
import { getDb } from "./db";
import { isUniqueViolation } from "./db/errors";

/**
 * Runs `write` once per idempotency key. The key row is inserted first inside the same transaction, so a concurrent
 * retry blocks on it and then fails on the unique index; it then returns the first result instead of writing again.
 */
export async function withIdempotency(
  options: { key: string; actorId: string; action: string; resultId: string },
  write: (tx: Tx) => Promise<void>,
): Promise<{ resultId: string; replayed: boolean }> {
  const db = getDb();
  const existing = await findResult(options);
  if (existing) return { resultId: existing, replayed: true };
  try {
    await db.$transaction(async (tx) => {
      await tx.idempotencyKey.create({
        data: { key: options.key, actorId: options.actorId, action: options.action, resultId: options.resultId },
      });
      await write(tx);
    }, { timeout: 30_000 });
    return { resultId: options.resultId, replayed: false };
  } catch (error) {
    if (isUniqueViolation(error)) {
      const first = await findResult(options);
      if (first) return { resultId: first, replayed: true };
    }
    throw error;
  }
}

async function findResult(options: { key: string; actorId: string; action: string }): Promise<string | null> {
  const row = await getDb().idempotencyKey.findUnique({ where: { key: options.key } });
  if (!row) return null;
  // A key belongs to one actor and one kind of write; anything else is a client bug, not a replay.
  if (row.actorId !== options.actorId || row.action !== options.action) {
    throw new AppError("CONFLICT", "This form was already used for something else. Reload the page and try again.");
  }
  return row.resultId;
}

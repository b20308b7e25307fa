import "server-only";
import { safeParseRulesetConfig } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { rulesetFieldErrors, rulesetVersionIdSchema } from "./ruleset-schemas";

export type PublishRulesetOptions = { actor: Actor; rulesetVersionId: string; meta?: RequestMeta };

export type PublishRulesetResult = {
  id: string;
  version: number;
  publishedAt: Date;
  /** The versions this one replaced (normally exactly one). */
  retired: { id: string; version: number }[];
};

// Every publish takes this transaction-scoped lock, so two concurrent publishes can't both leave a PUBLISHED version.
const PUBLISH_LOCK_KEY = 7_305_112_002;

/**
 * Makes a DRAFT the ruleset new screenings use: in one transaction the version(s) published so far become RETIRED
 * and this one PUBLISHED with `publishedAt` now (getPublishedRuleset picks the newest), with the audit row. Its
 * config is validated again first — the registry may have changed since the draft was saved — and an invalid one is
 * refused (fails closed at publish time, never at evaluation). Anything but a DRAFT is refused: versions are
 * immutable, and publishing twice is a CONFLICT, not a silent no-op.
 *
 * Re-screening the candidates is the caller's next step, after this has committed (enqueueRescreen uses the
 * connection itself, so it must never run inside this transaction).
 */
export async function publishRuleset({ actor, rulesetVersionId, meta }: PublishRulesetOptions): Promise<PublishRulesetResult> {
  assertPermission(actor, "rulesets.manage");
  const id = rulesetVersionIdSchema.shape.rulesetVersionId.safeParse(rulesetVersionId);
  if (!id.success) throw new AppError("NOT_FOUND", "No ruleset version with that id.");

  return getDb().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PUBLISH_LOCK_KEY}::bigint)`;
    const draft = await tx.rulesetVersion.findUnique({ where: { id: id.data }, select: { id: true, version: true, status: true, config: true } });
    if (!draft) throw new AppError("NOT_FOUND", "No ruleset version with that id.");
    if (draft.status !== "DRAFT") {
      const state = draft.status === "PUBLISHED" ? "is already published" : "was retired";
      throw new AppError("CONFLICT", `Version ${draft.version} ${state}. Only a draft can be published; create a new draft from it instead.`);
    }
    const parsed = safeParseRulesetConfig(draft.config);
    if (!parsed.success) {
      throw new AppError("VALIDATION", `Version ${draft.version} is not valid for this engine and can't be published.`, { fieldErrors: rulesetFieldErrors(parsed.error.issues) });
    }

    const retired = await tx.rulesetVersion.findMany({ where: { status: "PUBLISHED" }, select: { id: true, version: true }, orderBy: { version: "asc" } });
    await tx.rulesetVersion.updateMany({ where: { status: "PUBLISHED" }, data: { status: "RETIRED" } });
    const publishedAt = new Date();
    await tx.rulesetVersion.update({ where: { id: draft.id }, data: { status: "PUBLISHED", publishedAt } });
    await recordAuditEvent(tx, {
      actorId: actor.id,
      action: "ruleset.published",
      subjectType: "RulesetVersion",
      subjectId: draft.id,
      before: { status: "DRAFT", published: retired },
      after: { status: "PUBLISHED", version: draft.version, publishedAt: publishedAt.toISOString(), retired },
      meta,
    });
    return { id: draft.id, version: draft.version, publishedAt, retired };
  });
}

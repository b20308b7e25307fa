import "server-only";
import { defaultRulesetConfig, safeParseRulesetConfig, type RulesetConfig } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { recordAuditEvent, type AuditAction, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, type Prisma } from "../db";
import { isUniqueViolation } from "../db/errors";
import { getPublishedRuleset } from "./get-published-ruleset";
import { diffRulesetConfigs } from "./ruleset-changes";
import { rulesetDraftInputSchema, rulesetFieldErrors, type RulesetDraftInput } from "./ruleset-schemas";

const DRAFT_CREATED: AuditAction = "ruleset.draft_created";

/** Two admins saving at the same moment both compute the same next version number; the loser tries again. */
const MAX_ATTEMPTS = 3;

export type CreateRulesetDraftOptions = { actor: Actor; input: RulesetDraftInput; meta?: RequestMeta };

/** baseVersion is null for a draft started from the shipped default. */
export type CreateRulesetDraftResult = { id: string; version: number; baseVersion: number | null; changeCount: number };

/**
 * A new DRAFT version: the base version's config (default: the published one) with the given severity points, low
 * cap, thresholds and per-rule enabled/weight applied; each rule's own config is kept from the base. The whole
 * config is validated by the engine before anything is stored (fails closed, with the path of every problem), and
 * the version number is the next free one. Versions are never edited: changing a draft means creating another one.
 */
export async function createRulesetDraft({ actor, input, meta }: CreateRulesetDraftOptions): Promise<CreateRulesetDraftResult> {
  assertPermission(actor, "rulesets.manage");
  const parsedInput = rulesetDraftInputSchema.safeParse(input);
  if (!parsedInput.success) throw new AppError("VALIDATION", undefined, { fieldErrors: rulesetFieldErrors(parsedInput.error.issues) });
  const edits = parsedInput.data;

  const db = getDb();
  const baseId = edits.baseVersionId ?? (await getPublishedRuleset()).id;
  const stored = edits.fromShippedDefault ? null : await db.rulesetVersion.findUnique({ where: { id: baseId }, select: { id: true, version: true, config: true } });
  // The shipped default is not a stored version: the draft records it as its base by name (baseVersion null).
  const base = edits.fromShippedDefault ? { id: null, version: null, config: defaultRulesetConfig as unknown } : stored;
  if (!base) throw new AppError("NOT_FOUND", "The version to start from no longer exists.", { fieldErrors: { baseVersionId: ["That ruleset version does not exist"] } });
  const baseConfig = safeParseRulesetConfig(base.config);
  if (!baseConfig.success) {
    throw new AppError("VALIDATION", `Version ${base.version} is not valid for this engine; start from another version.`, {
      fieldErrors: rulesetFieldErrors(baseConfig.error.issues),
    });
  }

  const unknown = Object.keys(edits.rules ?? {}).filter((ruleId) => !Object.hasOwn(baseConfig.data.rules, ruleId));
  if (unknown.length) throw new AppError("VALIDATION", undefined, { fieldErrors: Object.fromEntries(unknown.map((ruleId) => [`rules.${ruleId}`, [`Unknown rule "${ruleId}"`]])) });

  const merged = applyEdits(baseConfig.data, edits);
  const checked = safeParseRulesetConfig(merged);
  if (!checked.success) throw new AppError("VALIDATION", undefined, { fieldErrors: rulesetFieldErrors(checked.error.issues) });
  const config = checked.data;
  const changes = diffRulesetConfigs(baseConfig.data, config);
  const storedConfig = JSON.parse(JSON.stringify(config)) as Prisma.InputJsonValue;

  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction(async (tx) => {
        const { _max } = await tx.rulesetVersion.aggregate({ _max: { version: true } });
        const version = (_max.version ?? 0) + 1;
        const draft = await tx.rulesetVersion.create({
          data: { version, status: "DRAFT", config: storedConfig, notes: edits.notes, authorId: actor.id },
          select: { id: true, version: true },
        });
        await recordAuditEvent(tx, {
          actorId: actor.id,
          action: DRAFT_CREATED,
          subjectType: "RulesetVersion",
          subjectId: draft.id,
          after: { version, status: "DRAFT", baseVersionId: base.id, baseVersion: base.version ?? "shipped default", notes: edits.notes, changes: changes.map((c) => c.text) },
          meta,
        });
        return { id: draft.id, version: draft.version, baseVersion: base.version, changeCount: changes.length };
      });
    } catch (error) {
      if (!isUniqueViolation(error, "version")) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new AppError("CONFLICT", "Another version was saved at the same moment. Please save again.", { cause: error });
    }
  }
}

/** The base config with the edits applied; the result is validated as a whole by the engine. */
function applyEdits(base: RulesetConfig, edits: ReturnType<typeof rulesetDraftInputSchema.parse>): unknown {
  const rules: Record<string, { enabled: boolean; weight: number; config: unknown }> = {};
  for (const [id, s] of Object.entries(base.rules)) {
    const edit = edits.rules?.[id];
    rules[id] = { enabled: edit?.enabled ?? s.enabled, weight: edit?.weight ?? s.weight, config: s.config };
  }
  return {
    severityPoints: { ...base.severityPoints, ...definedOnly(edits.severityPoints) },
    lowSeverityCap: edits.lowSeverityCap ?? base.lowSeverityCap,
    bandThresholds: { ...base.bandThresholds, ...definedOnly(edits.bandThresholds) },
    reviewThreshold: edits.reviewThreshold ?? base.reviewThreshold,
    ...corroborationOf(base, edits.corroboration),
    rules,
  };
}

/** Off: no section (engine-1 scoring). On: the base's settings (or the shipped default's) with the edits applied. */
function corroborationOf(base: RulesetConfig, edit: ReturnType<typeof rulesetDraftInputSchema.parse>["corroboration"]): Pick<RulesetConfig, "corroboration"> {
  if (!edit) return base.corroboration ? { corroboration: base.corroboration } : {};
  if (edit.enabled === false) return {};
  const { enabled: _enabled, ...values } = edit;
  return { corroboration: { ...(base.corroboration ?? defaultRulesetConfig.corroboration!), ...definedOnly(values) } };
}

function definedOnly<T extends Record<string, unknown>>(value: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined)) as Partial<T>;
}

import "server-only";
import { rulesById, safeParseRulesetConfig, type Category, type IndicatorId, type RulesetConfig, type RulesetConfigIssue, type Severity } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { getPublishedRuleset } from "./get-published-ruleset";
import { RULESET_VERSION_SELECT, versionBase, type RulesetVersionBase } from "./list-ruleset-versions";
import { diffRulesetConfigs, type RulesetChange } from "./ruleset-changes";
import { rulesetVersionIdSchema } from "./ruleset-schemas";

export type RulesetRuleSettings = {
  id: string;
  title: string;
  category: Category;
  severity: Severity;
  indicatorIds: readonly IndicatorId[];
  enabled: boolean;
  weight: number;
  /** severityPoints[severity] × weight in this version. */
  points: number;
};

export type RulesetVersionDetail = RulesetVersionBase & {
  /** null when the stored config no longer validates with this engine; `issues` says why. */
  config: RulesetConfig | null;
  issues: RulesetConfigIssue[];
  /** Per rule, in registry order (empty when the config is invalid). */
  rules: RulesetRuleSettings[];
  /** The version new screenings use now. */
  published: { id: string; version: number };
  /** What publishing this version would change; null for the published version itself or an invalid config. */
  changesVsPublished: RulesetChange[] | null;
};

export type GetRulesetVersionOptions = {
  actor: Actor;
  /** Omitted: the published version (the default base of a new draft). */
  rulesetVersionId?: string;
};

/** One version with its settings per rule and what it changes compared with the published version. */
export async function getRulesetVersion({ actor, rulesetVersionId }: GetRulesetVersionOptions): Promise<RulesetVersionDetail> {
  assertPermission(actor, "rulesets.manage");
  const published = await getPublishedRuleset();
  const id = rulesetVersionId === undefined ? published.id : rulesetVersionIdSchema.shape.rulesetVersionId.safeParse(rulesetVersionId).data;
  const row = id
    ? await getDb().rulesetVersion.findUnique({
        where: { id },
        select: RULESET_VERSION_SELECT,
      })
    : null;
  if (!row) throw new AppError("NOT_FOUND", "No ruleset version with that id.");
  const parsed = safeParseRulesetConfig(row.config);
  const config = parsed.success ? parsed.data : null;
  return {
    ...versionBase(row),
    config,
    issues: parsed.success ? [] : parsed.error.issues,
    rules: config ? rulesOf(config) : [],
    published: { id: published.id, version: published.version },
    changesVsPublished: config && row.id !== published.id ? diffRulesetConfigs(published.ruleset.config, config) : null,
  };
}

function rulesOf(config: RulesetConfig): RulesetRuleSettings[] {
  return Object.entries(config.rules).map(([id, s]) => {
    const rule = rulesById.get(id)!;
    return {
      id,
      title: rule.title,
      category: rule.category,
      severity: rule.severity,
      indicatorIds: rule.indicatorIds,
      enabled: s.enabled,
      weight: s.weight,
      points: Math.round(config.severityPoints[rule.severity] * s.weight * 100) / 100,
    };
  });
}

import "server-only";
import { rulesById, SEVERITIES, THRESHOLD_BANDS, type RulesetConfig } from "@/lib/engine";

/** One difference between two ruleset configs, worded for the admin pages and recorded in the audit trail. */
export type RulesetChange = { path: string; text: string };

const SEVERITY_NAMES = { H: "High", M: "Medium", L: "Low" } as const;
const BAND_NAMES = { LOW: "Low", ELEVATED: "Elevated", HIGH: "High", CRITICAL: "Critical" } as const;

const CORROBORATION_FIELDS = [
  ["crossCategoryBonus", "Cross-category corroboration bonus"],
  ["sameCategoryBonus", "Same-category corroboration bonus"],
  ["uncorroboratedMaxScore", "Most an uncorroborated common signal scores"],
] as const;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What changed from `before` to `after`: severity points, the low cap, thresholds, then each rule in registry order. */
export function diffRulesetConfigs(before: RulesetConfig, after: RulesetConfig): RulesetChange[] {
  const changes: RulesetChange[] = [];
  for (const s of SEVERITIES) {
    const [a, b] = [before.severityPoints[s], after.severityPoints[s]];
    if (a !== b) changes.push({ path: `severityPoints.${s}`, text: `${SEVERITY_NAMES[s]}-severity points ${a} → ${b}` });
  }
  if (before.lowSeverityCap !== after.lowSeverityCap)
    changes.push({ path: "lowSeverityCap", text: `Low-severity cap ${before.lowSeverityCap} → ${after.lowSeverityCap}` });
  const [ca, cb] = [before.corroboration, after.corroboration];
  if (!ca !== !cb) changes.push({ path: "corroboration", text: cb ? "Corroboration model switched on (engine 2)" : "Corroboration model switched off (engine-1 scoring)" });
  else if (ca && cb) {
    for (const [key, label] of CORROBORATION_FIELDS) {
      if (ca[key] !== cb[key]) changes.push({ path: `corroboration.${key}`, text: `${label} ${ca[key]} → ${cb[key]}` });
    }
  }
  for (const band of THRESHOLD_BANDS) {
    const [a, b] = [before.bandThresholds[band], after.bandThresholds[band]];
    if (a !== b) changes.push({ path: `bandThresholds.${band}`, text: `${BAND_NAMES[band]} band starts at ${a} → ${b}` });
  }
  if (before.reviewThreshold !== after.reviewThreshold)
    changes.push({ path: "reviewThreshold", text: `Review cases open from ${BAND_NAMES[before.reviewThreshold]} → ${BAND_NAMES[after.reviewThreshold]}` });
  const ids = new Set([...Object.keys(before.rules), ...Object.keys(after.rules)]);
  for (const id of ids) {
    const [a, b] = [before.rules[id], after.rules[id]];
    const title = rulesById.get(id)?.title ?? id;
    if (!a || !b) {
      changes.push({ path: `rules.${id}`, text: `${title}: ${a ? "removed" : "added"}` });
      continue;
    }
    if (a.enabled !== b.enabled) changes.push({ path: `rules.${id}.enabled`, text: `${title}: ${b.enabled ? "switched on" : "switched off"}` });
    if (a.weight !== b.weight) changes.push({ path: `rules.${id}.weight`, text: `${title}: weight ${a.weight} → ${b.weight}` });
    if (!sameJson(a.config, b.config)) changes.push({ path: `rules.${id}.config`, text: `${title}: rule settings changed` });
  }
  return changes;
}

/** A one-line summary for the version history: the first few changes and how many more. */
export function summarizeRulesetChanges(changes: readonly RulesetChange[], shown = 3): string {
  if (changes.length === 0) return "No changes";
  const head = changes.slice(0, shown).map((c) => c.text);
  return changes.length > shown ? `${head.join("; ")}; and ${changes.length - shown} more` : head.join("; ");
}

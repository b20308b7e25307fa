import "server-only";
import { z } from "zod";
import { THRESHOLD_BANDS, type RulesetConfigIssue } from "@/lib/engine";
import type { FieldErrors } from "@/lib/errors";
import { requiredText } from "@/lib/schemas/common";

// Inputs of the ruleset use cases. They live here rather than in lib/schemas because only the admin pages and these
// use cases speak them (no API, no CLI). Ranges and ordering are deliberately NOT repeated here: the engine's
// `parseRulesetConfig` is the one authority on what a valid ruleset is, so these schemas only check that a value is
// a number or a boolean, and the whole merged config is then validated by the engine (fails closed).

const SEVERITY_KEYS = ["H", "M", "L"] as const;

/** A number typed into a form ("12", " 1.5 ") or sent as JSON. A blank field is an error, never "keep the old value". */
const numberValue = z.union([z.number(), z.string()], { error: "Enter a number" }).transform((value, ctx) => {
  const n = typeof value === "number" ? value : value.trim() === "" ? Number.NaN : Number(value.trim());
  if (!Number.isFinite(n)) {
    ctx.addIssue({ code: "custom", message: typeof value === "string" && value.trim() === "" ? "Enter a number" : "Enter a number, like 1.5" });
    return z.NEVER;
  }
  return n;
});

const uuidValue = z.uuid({ error: "That ruleset version does not exist" });

/**
 * A new draft as edits over a base version: only what is given changes; each rule's `config` always stays as in the
 * base (it is not editable here). The base defaults to the published version.
 */
export const rulesetDraftInputSchema = z.strictObject({
  baseVersionId: uuidValue.optional(),
  notes: requiredText(2000, "Notes"),
  severityPoints: z.strictObject({ H: numberValue.optional(), M: numberValue.optional(), L: numberValue.optional() }).optional(),
  lowSeverityCap: numberValue.optional(),
  /** Start from the engine's shipped default instead of a stored version (the upgrade path to a new default). */
  fromShippedDefault: z.boolean().optional(),
  corroboration: z
    .strictObject({
      enabled: z.boolean({ error: "Choose on or off" }).optional(),
      crossCategoryBonus: numberValue.optional(),
      sameCategoryBonus: numberValue.optional(),
      uncorroboratedMaxScore: numberValue.optional(),
    })
    .optional(),
  reviewThreshold: z.enum(THRESHOLD_BANDS, { error: "Choose a band" }).optional(),
  bandThresholds: z
    .strictObject({ LOW: numberValue.optional(), ELEVATED: numberValue.optional(), HIGH: numberValue.optional(), CRITICAL: numberValue.optional() })
    .optional(),
  rules: z
    .record(z.string().min(1).max(100), z.strictObject({ enabled: z.boolean({ error: "Choose on or off" }).optional(), weight: numberValue.optional() }))
    .optional(),
});
export type RulesetDraftInput = z.input<typeof rulesetDraftInputSchema>;

/**
 * The draft form posts flat fields named by their config path (`bandThresholds.HIGH`, `rules.<id>.weight`), so the
 * engine's issue paths land beside the right field. A rule's checkbox posts nothing when unticked: a rule whose
 * weight field was posted and whose `enabled` box was not is switched off.
 */
export const rulesetDraftFormSchema = z
  .record(z.string(), z.string())
  .transform((flat): RulesetDraftInput => {
    const severityPoints: Partial<Record<(typeof SEVERITY_KEYS)[number], string>> = {};
    const bandThresholds: Partial<Record<(typeof THRESHOLD_BANDS)[number], string>> = {};
    const rules: Record<string, { enabled: boolean; weight: string }> = {};
    for (const [key, value] of Object.entries(flat)) {
      const [head, middle, tail, ...rest] = key.split(".");
      if (rest.length) continue;
      if (head === "severityPoints" && tail === undefined && isOneOf(SEVERITY_KEYS, middle)) severityPoints[middle] = value;
      else if (head === "bandThresholds" && tail === undefined && isOneOf(THRESHOLD_BANDS, middle)) bandThresholds[middle] = value;
      else if (head === "rules" && middle && tail === "weight") rules[middle] = { weight: value, enabled: flat[`rules.${middle}.enabled`] !== undefined };
    }
    // Like a rule's box: the model's box posts nothing when unticked, its number fields always post.
    const corroboration =
      flat["corroboration.crossCategoryBonus"] !== undefined
        ? {
            enabled: flat["corroboration.enabled"] !== undefined,
            crossCategoryBonus: flat["corroboration.crossCategoryBonus"],
            sameCategoryBonus: flat["corroboration.sameCategoryBonus"],
            uncorroboratedMaxScore: flat["corroboration.uncorroboratedMaxScore"],
          }
        : undefined;
    return {
      baseVersionId: flat.baseVersionId?.trim() || undefined,
      fromShippedDefault: flat.fromShippedDefault === "1" ? true : undefined,
      notes: flat.notes ?? "",
      severityPoints,
      lowSeverityCap: flat.lowSeverityCap,
      // Validated by the piped schema below.
      reviewThreshold: (flat.reviewThreshold || undefined) as RulesetDraftInput["reviewThreshold"],
      corroboration,
      bandThresholds,
      rules,
    };
  })
  .pipe(rulesetDraftInputSchema);

function isOneOf<T extends string>(options: readonly T[], value: string | undefined): value is T {
  return value !== undefined && (options as readonly string[]).includes(value);
}

/** Preview and publish name one version. */
export const rulesetVersionIdSchema = z.strictObject({ rulesetVersionId: uuidValue });

/** A preview may compare with another version re-evaluated on the same facts instead of the current bands. */
export const rulesetPreviewSchema = z.strictObject({ rulesetVersionId: uuidValue, againstVersionId: uuidValue.optional() });

/** zod issues or the engine's ruleset issues → field errors keyed by dotted path, worded for people. */
export function rulesetFieldErrors(issues: readonly (RulesetConfigIssue | z.core.$ZodIssue)[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = typeof issue.path === "string" ? issue.path || "_form" : issue.path.length ? issue.path.map(String).join(".") : "_form";
    const message = humanize(issue.message);
    const list = (out[key] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return out;
}

/** zod's default range wording ("Too big: expected number to be <=10") is for developers. */
function humanize(message: string): string {
  const range = /^Too (big|small): expected number to be ([<>]=?)(-?[\d.]+)$/.exec(message);
  if (range) {
    const [, , op, n] = range;
    return { "<=": `Must be at most ${n}`, "<": `Must be less than ${n}`, ">=": `Must be at least ${n}`, ">": `Must be more than ${n}` }[op] ?? message;
  }
  if (/expected int, received number/.test(message)) return "Must be a whole number";
  if (/received undefined$/.test(message)) return "This field is required";
  return message.charAt(0).toUpperCase() + message.slice(1);
}

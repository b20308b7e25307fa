/**
 * Rulesets are data: severity points, the low-severity cap, band thresholds and, per rule, enabled + weight +
 * config. A ruleset is validated as a whole, including every rule's config against that rule's own schema, and
 * fails closed: any invalid path throws RulesetConfigError listing every problem. Nothing is defaulted silently —
 * a ruleset must name every rule in the registry, so a published version says exactly what it scores.
 *
 * Published rulesets are immutable versions (`{ version, config }`); edits create a new version.
 */
import { z } from "zod";
import { SEVERITIES } from "./catalog";
import { ruleRegistry, rulesById } from "./registry";

export const BANDS = ["CLEAR", "LOW", "ELEVATED", "HIGH", "CRITICAL"] as const;
export type Band = (typeof BANDS)[number];
/** Bands above CLEAR, each with a minimum (inclusive) displayed score. CLEAR is everything below LOW. */
export const THRESHOLD_BANDS = ["LOW", "ELEVATED", "HIGH", "CRITICAL"] as const;

const points = z.number().min(0).max(100);

const ruleSettingsSchema = z.strictObject({
  enabled: z.boolean(),
  /** Multiplier on the severity points of each hit from this rule. */
  weight: z.number().min(0).max(10),
  config: z.unknown(),
});

export const rulesetConfigSchema = z
  .strictObject({
    /** Points a hit of each severity contributes before weighting and combination. */
    severityPoints: z.strictObject({ H: points, M: points, L: points }),
    /** The combined contribution of all L-severity hits never exceeds this many points. */
    lowSeverityCap: points,
    /** Minimum displayed score for each band; strictly ascending, LOW ≥ 1. */
    bandThresholds: z.strictObject({
      LOW: z.number().int().min(1).max(100),
      ELEVATED: z.number().int().min(1).max(100),
      HIGH: z.number().int().min(1).max(100),
      CRITICAL: z.number().int().min(1).max(100),
    }),
    /**
     * The band from which a screening opens a security review case (ADR 0011). Not used in scoring. Optional with a
     * default so versions stored before it existed still parse (and mean what they did: cases open from HIGH).
     */
    reviewThreshold: z.enum(THRESHOLD_BANDS).default("HIGH"),
    /**
     * The corroboration model (engine 2, ADR 0008). Absent in engine-1 rulesets, which keep scoring as they did
     * (plain noisy-OR): a stored version must go on meaning what it meant when it was published.
     */
    corroboration: z
      .strictObject({
        /** Added to the exponent for each further category with an H/M signal. */
        crossCategoryBonus: z.number().min(0).max(5),
        /** Added to the exponent for each further H/M signal in a category that already has one. */
        sameCategoryBonus: z.number().min(0).max(5),
        /** The most a single signal with common innocent explanations can score on its own. */
        uncorroboratedMaxScore: points,
      })
      .optional(),
    rules: z.record(z.string(), ruleSettingsSchema),
  })
  .superRefine((value, ctx) => {
    const t = value.bandThresholds;
    for (let i = 1; i < THRESHOLD_BANDS.length; i++) {
      const prev = THRESHOLD_BANDS[i - 1];
      const cur = THRESHOLD_BANDS[i];
      if (!(t[cur] > t[prev]))
        ctx.addIssue({ code: "custom", path: ["bandThresholds", cur], message: `must be greater than ${prev} (${t[prev]})` });
    }
    const c = value.corroboration;
    if (c && c.sameCategoryBonus > c.crossCategoryBonus)
      ctx.addIssue({ code: "custom", path: ["corroboration", "sameCategoryBonus"], message: `must not exceed the cross-category bonus (${c.crossCategoryBonus}): signals in different categories are the more independent` });
    for (const id of Object.keys(value.rules))
      if (!rulesById.has(id)) ctx.addIssue({ code: "custom", path: ["rules", id], message: `unknown rule "${id}"` });
    for (const rule of ruleRegistry) {
      const settings = value.rules[rule.id];
      if (!settings) {
        ctx.addIssue({ code: "custom", path: ["rules", rule.id], message: `missing settings for rule "${rule.id}"` });
        continue;
      }
      const parsed = rule.configSchema.safeParse(settings.config);
      if (!parsed.success)
        for (const issue of parsed.error.issues)
          ctx.addIssue({ code: "custom", path: ["rules", rule.id, "config", ...issue.path.map((p) => (typeof p === "symbol" ? String(p) : p))], message: issue.message });
    }
  })
  .transform((value) => {
    // Replace each rule's config by its schema's output, in registry order.
    const rules: Record<string, RuleSettings> = {};
    for (const rule of ruleRegistry) {
      const s = value.rules[rule.id];
      rules[rule.id] = { enabled: s.enabled, weight: s.weight, config: rule.configSchema.parse(s.config) };
    }
    return { ...value, rules };
  });

export interface RuleSettings {
  enabled: boolean;
  weight: number;
  config: unknown;
}
export type RulesetConfig = z.output<typeof rulesetConfigSchema>;
export type RulesetConfigInput = z.input<typeof rulesetConfigSchema>;

/** A published, immutable ruleset version. */
export interface Ruleset {
  version: number | string;
  config: RulesetConfig;
}

export interface RulesetConfigIssue {
  path: string;
  message: string;
}

export class RulesetConfigError extends Error {
  readonly code = "RULESET_CONFIG_INVALID";
  constructor(readonly issues: RulesetConfigIssue[]) {
    super(`Invalid ruleset config:\n${issues.map((i) => `  - ${i.path || "(root)"}: ${i.message}`).join("\n")}`);
    this.name = "RulesetConfigError";
  }
}

/** Validate a ruleset config (e.g. JSON from the database or an admin form). Throws RulesetConfigError. */
export function parseRulesetConfig(input: unknown): RulesetConfig {
  const result = rulesetConfigSchema.safeParse(input);
  if (!result.success)
    throw new RulesetConfigError(result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message })));
  return result.data;
}

export function safeParseRulesetConfig(input: unknown): { success: true; data: RulesetConfig } | { success: false; error: RulesetConfigError } {
  try {
    return { success: true, data: parseRulesetConfig(input) };
  } catch (e) {
    if (e instanceof RulesetConfigError) return { success: false, error: e };
    throw e;
  }
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

export const DEFAULT_SEVERITY_POINTS = { H: 50, M: 20, L: 8 } as const;

/**
 * The engine-1 default (independent hits, noisy-OR, H = 40): what installations published before engine 2. Kept so
 * a database seeded then, the demo history and the comparison in ADR 0008 can be reproduced.
 */
export const engine1RulesetConfig: RulesetConfig = deepFreeze(
  parseRulesetConfig({
    severityPoints: { H: 40, M: 20, L: 8 },
    lowSeverityCap: 15,
    bandThresholds: { LOW: 1, ELEVATED: 25, HIGH: 50, CRITICAL: 75 },
    rules: Object.fromEntries(ruleRegistry.map((r) => [r.id, { enabled: true, weight: 1, config: structuredClone(r.defaultConfig) }])),
  }),
);

/**
 * The shipped default (engine 2): corroboration across categories, one common signal capped at LOW, a
 * scheme-specific H hit alone reaches HIGH. Validated at import, so a broken default fails closed immediately.
 */
export const defaultRulesetConfig: RulesetConfig = deepFreeze(
  parseRulesetConfig({
    severityPoints: { ...DEFAULT_SEVERITY_POINTS },
    lowSeverityCap: 15,
    bandThresholds: { LOW: 1, ELEVATED: 25, HIGH: 50, CRITICAL: 75 },
    corroboration: { crossCategoryBonus: 0.75, sameCategoryBonus: 0.4, uncorroboratedMaxScore: 24 },
    rules: Object.fromEntries(ruleRegistry.map((r) => [r.id, { enabled: true, weight: 1, config: structuredClone(r.defaultConfig) }])),
  }),
);

/** The version number a database with no ruleset yet stores the shipped default as. */
export const DEFAULT_RULESET_VERSION = 1;
export const defaultRuleset: Ruleset = Object.freeze({ version: DEFAULT_RULESET_VERSION, config: defaultRulesetConfig });

/** Default points a rule's hits are worth (severity points × weight), for docs and the Rules page. */
export function defaultPointsFor(ruleId: string, config: RulesetConfig = defaultRulesetConfig): number {
  const rule = rulesById.get(ruleId);
  if (!rule) throw new Error(`unknown rule "${ruleId}"`);
  return config.severityPoints[rule.severity] * config.rules[ruleId].weight;
}

export { SEVERITIES };

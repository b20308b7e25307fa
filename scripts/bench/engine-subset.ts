/**
 * The benchmark subset: 15 rules covering all seven categories, expressed three ways — our engine (the rules
 * themselves, via a ruleset with only these enabled), GoRules ZEN (one JDM expression node, native ZEN expression
 * language) and json-rules-engine (native conditions with JSONPath, one custom operator and one computed fact).
 * Thresholds are read from the default ruleset so the three cannot drift apart silently.
 */
import { defaultRulesetConfig, parseRulesetConfig, type Ruleset } from "../../lib/engine";

export const SUBSET_RULE_IDS = [
  "declined-identity-proofing", // IDENTITY
  "deepfake-signs", // IDENTITY
  "failed-location-check", // LOCATION
  "activity-outside-claimed-timezone", // LOCATION (with the night-shift suppression)
  "staffing-agency-risk", // WORK_HISTORY
  "identity-churn", // WORK_HISTORY
  "text-only-insistence", // COMMUNICATION (with the accommodation suppression)
  "prepayment-requests", // COMMUNICATION
  "crypto-payment-request", // PAYMENT
  "sanctions-candidate-match", // PAYMENT
  "remote-access-tooling", // EQUIPMENT
  "declined-in-person-onboarding", // EQUIPMENT
  "shared-ship-to", // LINKAGE
  "near-duplicate-resume", // LINKAGE
  "flagged-referrer", // LINKAGE
] as const;
export type SubsetRuleId = (typeof SUBSET_RULE_IDS)[number];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const cfg = (id: SubsetRuleId) => defaultRulesetConfig.rules[id].config as any;

export const T = {
  tzMinSample: cfg("activity-outside-claimed-timezone").minSampleSize as number,
  tzMaxShare: cfg("activity-outside-claimed-timezone").maxShareInWorkHours as number,
  tzMinDiff: cfg("activity-outside-claimed-timezone").minOffsetDifferenceMinutes as number,
  // A small sample (≥ tzFewMinSample) fires with the stricter share; with the default thresholds (few-sample share ≤
  // full-sample share) "full sample and share ≤ max, or few sample and share ≤ few max" is the rule's condition.
  tzFewMinSample: cfg("activity-outside-claimed-timezone").minFewSampleSize as number,
  tzFewMaxShare: cfg("activity-outside-claimed-timezone").maxShareInWorkHoursFewSample as number,
  churnMinChanges: cfg("identity-churn").minChanges as number,
  prepayMin: cfg("prepayment-requests").minRequests as number,
  sanctionsMinScore: cfg("sanctions-candidate-match").minScore as number,
  shipToMinOthers: cfg("shared-ship-to").minOtherCandidates as number,
  dupMinSimilarity: cfg("near-duplicate-resume").minSimilarity as number,
};

// The ZEN and json-rules-engine versions hard-code these defaults; fail loudly if they change.
if (cfg("crypto-payment-request").cryptoOnly !== true) throw new Error("bench subset assumes crypto-payment-request.cryptoOnly");
if (cfg("remote-access-tooling").allowedTools.length !== 0) throw new Error("bench subset assumes no allowed remote-access tools");
if (cfg("sanctions-candidate-match").subjects.length !== 5) throw new Error("bench subset assumes all sanctions subjects count");

export function subsetRuleset(): Ruleset {
  const c = structuredClone(defaultRulesetConfig) as typeof defaultRulesetConfig;
  const keep = new Set<string>(SUBSET_RULE_IDS);
  for (const id of Object.keys(c.rules)) c.rules[id].enabled = keep.has(id);
  return { version: "bench-subset", config: parseRulesetConfig(c) };
}

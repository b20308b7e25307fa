import "server-only";
import { evaluate, type Assessment, type Facts, type Ruleset, type Suppression } from "@/lib/engine";
import { evidenceFingerprint } from "./evidence-fingerprint";

/** An explanation a reviewer accepted, as the screening path reads it. */
export type AcceptedExplanation = {
  id: string;
  candidateId: string;
  ruleId: string;
  fingerprint: string;
  explanation: string;
  reference: string | null;
  explainedBy: string;
  explainedAt: string;
  acceptedBy: string;
  acceptedAt: string;
  /** Why the reviewer accepted it. */
  note: string;
};

/** Who explained and who accepted, kept with the suppression in the screening (never a silent drop). */
export type SuppressionExplanation = Omit<AcceptedExplanation, "candidateId" | "fingerprint" | "ruleId">;

/** A suppression as stored with a screening: the engine's, or one applied for an accepted explanation. */
export type ScreeningSuppression = Suppression & { explanation?: SuppressionExplanation };

export type ExplainedAssessment = Omit<Assessment, "suppressed"> & { suppressed: ScreeningSuppression[] };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

// Rulesets with some rules switched off, per published ruleset object (compiled once each, like the ruleset itself).
const withoutRulesCache = new WeakMap<Ruleset, Map<string, Ruleset>>();

function rulesetWithout(ruleset: Ruleset, ruleIds: readonly string[]): Ruleset {
  const key = [...ruleIds].sort().join(",");
  let byKey = withoutRulesCache.get(ruleset);
  if (!byKey) withoutRulesCache.set(ruleset, (byKey = new Map()));
  let derived = byKey.get(key);
  if (!derived) {
    const rules = { ...ruleset.config.rules };
    for (const id of ruleIds) rules[id] = { ...rules[id], enabled: false };
    derived = { version: ruleset.version, config: { ...ruleset.config, rules } };
    byKey.set(key, derived);
  }
  return derived;
}

/**
 * Applies accepted explanations to an assessment, right after `evaluate` (the engine stays pure and knows nothing of
 * explanations). A hit is suppressed when an accepted explanation names its rule and the fingerprint of its evidence
 * (evidence-fingerprint.ts). The score is then the engine's own for the same facts with that rule off — every rule
 * yields at most one result, so that is exactly "the assessment without this hit" under whatever scoring model the
 * ruleset uses — and the hit moves to `suppressed` with its evidence and who explained it, who accepted it, when and
 * why. Returns the assessment unchanged when nothing matches.
 */
export function applyAcceptedExplanations(
  assessment: Assessment,
  { facts, ruleset, asOf, accepted }: { facts: Facts; ruleset: Ruleset; asOf: Date; accepted: readonly AcceptedExplanation[] },
): { assessment: ExplainedAssessment; applied: string[] } {
  if (accepted.length === 0 || assessment.hits.length === 0) return { assessment, applied: [] };
  const matches: { hit: Assessment["hits"][number]; explanation: AcceptedExplanation }[] = [];
  for (const hit of assessment.hits) {
    const candidates = accepted.filter((a) => a.ruleId === hit.ruleId);
    if (candidates.length === 0) continue;
    const fingerprint = evidenceFingerprint(hit.evidence);
    // The most recently accepted explanation of this exact evidence speaks for it.
    const explanation = candidates.filter((a) => a.fingerprint === fingerprint).sort((a, b) => b.acceptedAt.localeCompare(a.acceptedAt))[0];
    if (explanation) matches.push({ hit, explanation });
  }
  if (matches.length === 0) return { assessment, applied: [] };
  const rescored = evaluate(facts, rulesetWithout(ruleset, matches.map((m) => m.hit.ruleId)), { asOf });
  const suppressed: ScreeningSuppression[] = [
    ...rescored.suppressed,
    ...matches.map(({ hit, explanation: e }) => ({
      ruleId: hit.ruleId,
      indicatorIds: hit.indicatorIds,
      title: hit.title,
      reason: `Explanation accepted by ${e.acceptedBy} on ${dateFormat.format(new Date(e.acceptedAt))}: ${e.note}`,
      evidence: hit.evidence,
      explanation: {
        id: e.id,
        explanation: e.explanation,
        reference: e.reference,
        explainedBy: e.explainedBy,
        explainedAt: e.explainedAt,
        acceptedBy: e.acceptedBy,
        acceptedAt: e.acceptedAt,
        note: e.note,
      },
    })),
  ];
  return { assessment: { ...rescored, suppressed }, applied: matches.map((m) => m.explanation.id) };
}

/**
 * The subset in json-rules-engine: one fact `p` (the profile), conditions with JSONPath (`path`), the built-in
 * operators, one custom operator (`nonEmpty`, for JSONPath filters that select matching array items) and one
 * computed fact (`offsetDistance`, since conditions cannot do arithmetic).
 */
import { Engine, type Almanac, type RuleProperties } from "json-rules-engine";
import { T, type SubsetRuleId } from "./engine-subset";

const p = (path: string, operator: string, value: unknown) => ({ fact: "p", path, operator, value });
const any = (path: string) => p(path, "nonEmpty", true);

const RULES: Record<SubsetRuleId, RuleProperties["conditions"]> = {
  "declined-identity-proofing": {
    all: [p("$.onboarding.identityProofing.alternativeProofing.offeredToAllAtStage", "equal", true), p("$.onboarding.identityProofing.alternativeProofing.outcome", "equal", "declined")],
  },
  "deepfake-signs": { all: [any("$.interviews[?(@.deepfakeSigns === true || @.handInFrontOfFaceCheck === 'failed')]")] },
  "failed-location-check": {
    all: [any("$.interviews[?(@.surroundingsCheck === 'declined' || @.surroundingsCheck === 'failed' || @.localKnowledgeCheck === 'failed' || @.localKnowledgeCheck === 'declined')]")],
  },
  "activity-outside-claimed-timezone": {
    all: [
      {
        any: [
          { all: [p("$.enrichment.activity.sampleSize", "greaterThanInclusive", T.tzMinSample), p("$.enrichment.activity.shareInClaimedWorkHours", "lessThanInclusive", T.tzMaxShare)] },
          { all: [p("$.enrichment.activity.sampleSize", "greaterThanInclusive", T.tzFewMinSample), p("$.enrichment.activity.shareInClaimedWorkHours", "lessThanInclusive", T.tzFewMaxShare)] },
        ],
      },
      { fact: "offsetDistance", operator: "greaterThanInclusive", value: T.tzMinDiff },
      p("$.candidate.declaredWorkingHours", "notIn", ["night_shift", "flexible"]),
    ],
  },
  "staffing-agency-risk": {
    all: [p("$.sourcing.channel", "equal", "staffing_agency"), { any: [p("$.sourcing.agency.allowsDirectVerification", "equal", false), p("$.sourcing.agency.linkedToFacilitator", "equal", true)] }],
  },
  "identity-churn": { all: [any(`$.onlineProfiles[?(@.nameOrHandleChanges >= ${T.churnMinChanges} || @.deleted === true)]`)] },
  "text-only-insistence": {
    all: [p("$.communication.insistsOnTextOnly", "equal", true), p("$.accommodation.requested", "notEqual", true), p("$.accommodation.alternativePathCompleted", "notEqual", true)],
  },
  "prepayment-requests": { any: [p("$.communication.prepaymentRequests", "greaterThanInclusive", T.prepayMin), p("$.communication.hostileWhenRefused", "equal", true)] },
  "crypto-payment-request": {
    all: [p("$.onboarding.payment.requestedMethods", "contains", "crypto"), p("$.onboarding.payment.requestedMethods[?(@ !== 'crypto')]", "nonEmpty", false)],
  },
  "sanctions-candidate-match": { all: [any(`$.sanctions.matches[?(@.score >= ${T.sanctionsMinScore})]`)] },
  "remote-access-tooling": {
    all: [any("$.onboarding.devices[?(@.ipKvmDetected === true || @.malwareDetected === true || (@.remoteAccessTools && @.remoteAccessTools.length > 0))]")],
  },
  "declined-in-person-onboarding": {
    all: [p("$.onboarding.inPersonOnboarding.offeredToAllAtStage", "equal", true), p("$.onboarding.inPersonOnboarding.outcome", "equal", "declined")],
  },
  "shared-ship-to": { any: [p("$.linkage.sharedShipTo.knownLaptopFarm", "equal", true), p("$.linkage.sharedShipTo.otherCandidateCount", "greaterThanInclusive", T.shipToMinOthers)] },
  "near-duplicate-resume": { all: [any(`$.linkage.nearDuplicateResumes[?(@.similarity >= ${T.dupMinSimilarity})]`)] },
  "flagged-referrer": { all: [p("$.sourcing.referrer.flagged", "equal", true)] },
};

export function createJsonRulesEngine(): Engine {
  const engine = new Engine(
    Object.entries(RULES).map(([id, conditions]) => ({ name: id, conditions, event: { type: id } })),
    { allowUndefinedFacts: true },
  );
  engine.addOperator("nonEmpty", (factValue: unknown, want: unknown) => (factValue != null && (!Array.isArray(factValue) || factValue.length > 0)) === want);
  engine.addFact("offsetDistance", async (_params: unknown, almanac: Almanac) => {
    const profile = (await almanac.factValue("p")) as { enrichment?: { activity?: { bestFitUtcOffsetMinutes?: number | null; claimedUtcOffsetMinutes?: number | null } | null } | null };
    const a = profile?.enrichment?.activity;
    if (a?.bestFitUtcOffsetMinutes == null || a.claimedUtcOffsetMinutes == null) return null;
    const d = Math.abs(a.bestFitUtcOffsetMinutes - a.claimedUtcOffsetMinutes);
    return d > 720 ? 1440 - d : d;
  });
  return engine;
}

export async function firedFromJre(engine: Engine, facts: unknown): Promise<string[]> {
  const { events } = await engine.run({ p: facts });
  return events.map((e) => e.type);
}

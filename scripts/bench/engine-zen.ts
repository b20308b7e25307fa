/** The subset as a GoRules JDM graph: request → one expression node (one boolean per rule) → response. */
import { ZenEngine, type ZenDecision } from "@gorules/zen-engine";
import { T, type SubsetRuleId } from "./engine-subset";

const tzA = "enrichment.activity";
export const ZEN_EXPRESSIONS: Record<SubsetRuleId, string> = {
  "declined-identity-proofing":
    "onboarding.identityProofing.alternativeProofing.offeredToAllAtStage == true and onboarding.identityProofing.alternativeProofing.outcome == 'declined'",
  "deepfake-signs": "some(interviews ?? [], #.deepfakeSigns == true or #.handInFrontOfFaceCheck == 'failed')",
  "failed-location-check": "some(interviews ?? [], #.surroundingsCheck in ['declined', 'failed'] or #.localKnowledgeCheck in ['failed', 'declined'])",
  "activity-outside-claimed-timezone":
    `${tzA}.sampleSize != null and ${tzA}.shareInClaimedWorkHours != null and ${tzA}.bestFitUtcOffsetMinutes != null and ${tzA}.claimedUtcOffsetMinutes != null` +
    ` and ((${tzA}.sampleSize >= ${T.tzMinSample} and ${tzA}.shareInClaimedWorkHours <= ${T.tzMaxShare}) or (${tzA}.sampleSize >= ${T.tzFewMinSample} and ${tzA}.shareInClaimedWorkHours <= ${T.tzFewMaxShare}))` +
    ` and (abs(${tzA}.bestFitUtcOffsetMinutes - ${tzA}.claimedUtcOffsetMinutes) > 720 ? 1440 - abs(${tzA}.bestFitUtcOffsetMinutes - ${tzA}.claimedUtcOffsetMinutes) : abs(${tzA}.bestFitUtcOffsetMinutes - ${tzA}.claimedUtcOffsetMinutes)) >= ${T.tzMinDiff}` +
    " and not (candidate.declaredWorkingHours in ['night_shift', 'flexible'])",
  "staffing-agency-risk":
    "sourcing.channel == 'staffing_agency' and sourcing.agency != null and (sourcing.agency.allowsDirectVerification == false or sourcing.agency.linkedToFacilitator == true)",
  "identity-churn": `some(onlineProfiles ?? [], (#.nameOrHandleChanges ?? 0) >= ${T.churnMinChanges} or #.deleted == true)`,
  "text-only-insistence": "communication.insistsOnTextOnly == true and not (accommodation.requested == true or accommodation.alternativePathCompleted == true)",
  "prepayment-requests": `communication != null and ((communication.prepaymentRequests ?? 0) >= ${T.prepayMin} or communication.hostileWhenRefused == true)`,
  "crypto-payment-request":
    "contains(onboarding.payment.requestedMethods ?? [], 'crypto') and all(onboarding.payment.requestedMethods ?? [], # == 'crypto')",
  "sanctions-candidate-match": `some(sanctions.matches ?? [], #.score >= ${T.sanctionsMinScore})`,
  "remote-access-tooling": "some(onboarding.devices ?? [], len(#.remoteAccessTools ?? []) > 0 or #.ipKvmDetected == true or #.malwareDetected == true)",
  "declined-in-person-onboarding": "onboarding.inPersonOnboarding.offeredToAllAtStage == true and onboarding.inPersonOnboarding.outcome == 'declined'",
  "shared-ship-to":
    `linkage.sharedShipTo != null and (linkage.sharedShipTo.knownLaptopFarm == true or (linkage.sharedShipTo.otherCandidateCount ?? 0) >= ${T.shipToMinOthers})`,
  "near-duplicate-resume": `some(linkage.nearDuplicateResumes ?? [], #.similarity >= ${T.dupMinSimilarity})`,
  "flagged-referrer": "sourcing.referrer.flagged == true",
};

export function zenGraph() {
  return {
    nodes: [
      { id: "request", type: "inputNode", name: "request", position: { x: 0, y: 0 } },
      {
        id: "rules",
        type: "expressionNode",
        name: "subset rules",
        position: { x: 300, y: 0 },
        content: { expressions: Object.entries(ZEN_EXPRESSIONS).map(([key, value], i) => ({ id: `e${i}`, key, value })) },
      },
      { id: "response", type: "outputNode", name: "response", position: { x: 600, y: 0 } },
    ],
    edges: [
      { id: "a", sourceId: "request", targetId: "rules", type: "edge" },
      { id: "b", sourceId: "rules", targetId: "response", type: "edge" },
    ],
  };
}

export function createZenDecision(): { engine: ZenEngine; decision: ZenDecision } {
  const engine = new ZenEngine();
  const decision = engine.createDecision(zenGraph());
  return { engine, decision };
}

export function firedFromZen(result: Record<string, unknown>): string[] {
  return Object.keys(ZEN_EXPRESSIONS).filter((k) => result[k] === true);
}

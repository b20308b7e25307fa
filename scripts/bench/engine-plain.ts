/**
 * Reference floor: the subset as hand-written JavaScript predicates (no registry, no config, no evidence, no
 * scoring). Not a product path — it shows what the same inputs cost with nothing but property reads.
 */
import type { Facts } from "../../lib/engine";
import { T, type SubsetRuleId } from "./engine-subset";

export const PLAIN: [SubsetRuleId, (f: Facts) => boolean][] = [
  ["declined-identity-proofing", (f) => f.onboarding?.identityProofing?.alternativeProofing?.offeredToAllAtStage === true && f.onboarding.identityProofing.alternativeProofing.outcome === "declined"],
  ["deepfake-signs", (f) => !!f.interviews?.some((i) => i.deepfakeSigns === true || i.handInFrontOfFaceCheck === "failed")],
  ["failed-location-check", (f) => !!f.interviews?.some((i) => i.surroundingsCheck === "declined" || i.surroundingsCheck === "failed" || i.localKnowledgeCheck === "failed" || i.localKnowledgeCheck === "declined")],
  [
    "activity-outside-claimed-timezone",
    (f) => {
      const a = f.enrichment?.activity;
      if (a?.sampleSize == null || a.shareInClaimedWorkHours == null || a.bestFitUtcOffsetMinutes == null || a.claimedUtcOffsetMinutes == null) return false;
      let d = Math.abs(a.bestFitUtcOffsetMinutes - a.claimedUtcOffsetMinutes);
      if (d > 720) d = 1440 - d;
      const declared = f.candidate?.declaredWorkingHours;
      const sampleOk = (a.sampleSize >= T.tzMinSample && a.shareInClaimedWorkHours <= T.tzMaxShare) || (a.sampleSize >= T.tzFewMinSample && a.shareInClaimedWorkHours <= T.tzFewMaxShare);
      return sampleOk && d >= T.tzMinDiff && declared !== "night_shift" && declared !== "flexible";
    },
  ],
  ["staffing-agency-risk", (f) => f.sourcing?.channel === "staffing_agency" && (f.sourcing.agency?.allowsDirectVerification === false || f.sourcing.agency?.linkedToFacilitator === true)],
  ["identity-churn", (f) => !!f.onlineProfiles?.some((p) => (p.nameOrHandleChanges ?? 0) >= T.churnMinChanges || p.deleted === true)],
  ["text-only-insistence", (f) => f.communication?.insistsOnTextOnly === true && f.accommodation?.requested !== true && f.accommodation?.alternativePathCompleted !== true],
  ["prepayment-requests", (f) => (f.communication?.prepaymentRequests ?? 0) >= T.prepayMin || f.communication?.hostileWhenRefused === true],
  ["crypto-payment-request", (f) => !!f.onboarding?.payment?.requestedMethods?.includes("crypto") && f.onboarding.payment.requestedMethods.every((m) => m === "crypto")],
  ["sanctions-candidate-match", (f) => !!f.sanctions?.matches?.some((m) => m.score >= T.sanctionsMinScore)],
  ["remote-access-tooling", (f) => !!f.onboarding?.devices?.some((d) => (d.remoteAccessTools?.length ?? 0) > 0 || d.ipKvmDetected === true || d.malwareDetected === true)],
  ["declined-in-person-onboarding", (f) => f.onboarding?.inPersonOnboarding?.offeredToAllAtStage === true && f.onboarding.inPersonOnboarding.outcome === "declined"],
  ["shared-ship-to", (f) => f.linkage?.sharedShipTo?.knownLaptopFarm === true || (f.linkage?.sharedShipTo?.otherCandidateCount ?? 0) >= T.shipToMinOthers],
  ["near-duplicate-resume", (f) => !!f.linkage?.nearDuplicateResumes?.some((d) => d.similarity >= T.dupMinSimilarity)],
  ["flagged-referrer", (f) => f.sourcing?.referrer?.flagged === true],
];

export function firedPlain(f: Facts): string[] {
  const out: string[] = [];
  for (const [id, p] of PLAIN) if (p(f)) out.push(id);
  return out;
}

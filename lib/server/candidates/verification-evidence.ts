import "server-only";
import type { StoredProfile, VerificationRecord } from "@/lib/schemas/profile";

/**
 * What a completed verification step adds to the profile, in the engine's own terms, so the re-screen reads it.
 * Steps without a direct fact (e.g. a compliance review) are recorded in `verifications` only.
 */
export function evidenceForVerification(profile: StoredProfile, record: VerificationRecord): Partial<StoredProfile> {
  const passed = record.outcome === "passed";
  const failed = record.outcome === "failed";
  if (!passed && !failed) return {};
  const nextRound = Math.max(0, ...(profile.interviews ?? []).map((r) => r.round)) + 1;
  switch (record.stepId) {
    case "live-identity-check":
      return {
        interviews: [
          ...(profile.interviews ?? []),
          { round: nextRound, at: record.at, mode: "video", cameraDeclined: false, handInFrontOfFaceCheck: passed ? "passed" : "failed", deepfakeSigns: passed ? false : null },
        ],
      };
    case "show-surroundings":
      return {
        interviews: [
          ...(profile.interviews ?? []),
          { round: nextRound, at: record.at, mode: "video", surroundingsCheck: passed ? "passed" : "failed", localKnowledgeCheck: passed ? "passed" : "failed" },
        ],
      };
    case "alternative-identity-proofing":
      return {
        onboarding: {
          ...(profile.onboarding ?? {}),
          identityProofing: {
            ...(profile.onboarding?.identityProofing ?? {}),
            alternativeProofing: { ...(profile.onboarding?.identityProofing?.alternativeProofing ?? {}), offeredToAllAtStage: true, outcome: passed ? "completed" : "declined" },
          },
        },
      };
    case "independent-employer-contact":
      return profile.workHistory?.length
        ? { workHistory: profile.workHistory.map((j) => ({ ...j, verification: { method: "independent_contact", outcome: passed ? "verified" : "unverifiable" } })) }
        : {};
    case "independent-reference-check":
      return profile.references?.length ? { references: profile.references.map((r) => ({ ...r, independentlySourced: true, reachable: passed })) } : {};
    default:
      return {};
  }
}

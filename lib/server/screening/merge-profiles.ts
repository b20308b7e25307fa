import "server-only";
import type { StoredProfile } from "@/lib/schemas/profile";

/**
 * A stage's submission replaces the sections it carries and keeps the others. `candidate`, `onboarding` and
 * `observations` hold several stages' evidence, so they merge one level deeper.
 */
export function mergeProfiles(base: StoredProfile, update: StoredProfile): StoredProfile {
  const merged: StoredProfile = { ...base, ...update };
  if (base.candidate && update.candidate) merged.candidate = { ...base.candidate, ...update.candidate };
  if (base.onboarding && update.onboarding) merged.onboarding = { ...base.onboarding, ...update.onboarding };
  if (base.observations && update.observations) merged.observations = { ...base.observations, ...update.observations };
  return merged;
}

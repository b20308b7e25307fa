import "server-only";
import { hmacIdentifier } from "@/lib/enrichment/linkage";
import { AppError } from "@/lib/errors";
import type { ProfileInput, StoredProfile } from "@/lib/schemas/profile";
import { getEnv } from "../env";

/**
 * Replaces raw bank-account and government-ID numbers with keyed hashes plus their last four characters before
 * anything is stored (red-flags.md design rule 7). The raw numbers exist only in this request's memory.
 */
export function protectSensitiveNumbers(profile: ProfileInput): StoredProfile {
  const { observations, ...rest } = profile;
  if (!observations) return rest;
  const { bankAccountNumbers, governmentIdNumbers, ...others } = observations;
  if (!bankAccountNumbers?.length && !governmentIdNumbers?.length) return { ...rest, observations: others };
  const secret = getEnv().LINK_HMAC_SECRET;
  if (!secret) throw new AppError("UNAVAILABLE", "Account numbers can't be stored: the server has no LINK_HMAC_SECRET configured.");
  const hashAll = (kind: "bank-account" | "national-id", values: readonly string[] | null | undefined) =>
    (values ?? []).flatMap((v) => {
      const h = hmacIdentifier(secret, kind, v);
      return h ? [{ hash: h.hash, last4: h.last4 ?? "" }] : [];
    });
  return {
    ...rest,
    observations: { ...others, bankAccounts: hashAll("bank-account", bankAccountNumbers), governmentIds: hashAll("national-id", governmentIdNumbers) },
  };
}

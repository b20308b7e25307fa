import "server-only";
import { createHash } from "node:crypto";
import type { Evidence } from "@/lib/engine";

const norm = (s: string) => s.normalize("NFKC").toLowerCase().replace(/\s+/g, " ").trim();

/**
 * What an explanation is scoped to: SHA-256 of a hit's evidence — each finding's label and value, normalised (case,
 * Unicode form, whitespace) and sorted — leaving out context items (the candidate's stated reason, `context: true`),
 * which explain the finding rather than being it. The same rule finding the same thing gives the same fingerprint; a
 * different ship-to address, payee or account country gives another, so the rule fires again until that is explained.
 */
export function evidenceFingerprint(evidence: readonly Evidence[]): string {
  const items = evidence
    .filter((e) => !e.context)
    .map((e) => `${norm(e.label)}\u0000${norm(e.value)}`)
    .sort();
  return createHash("sha256").update(JSON.stringify(items)).digest("hex");
}

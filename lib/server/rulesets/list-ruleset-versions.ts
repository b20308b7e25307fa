import "server-only";
import { safeParseRulesetConfig } from "@/lib/engine";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { getPublishedRuleset } from "./get-published-ruleset";
import { diffRulesetConfigs, summarizeRulesetChanges } from "./ruleset-changes";

/** What every view of a stored version shows about it. */
export type RulesetVersionBase = {
  id: string;
  version: number;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  notes: string | null;
  /** null for the engine's default (stored without an author) or a deleted account. */
  author: { id: string; name: string } | null;
  createdAt: Date;
  publishedAt: Date | null;
};

/** The columns every view of a stored version reads (its config included). */
export const RULESET_VERSION_SELECT = {
  id: true,
  version: true,
  status: true,
  notes: true,
  config: true,
  createdAt: true,
  publishedAt: true,
  author: { select: { id: true, name: true } },
} as const;

export function versionBase(row: RulesetVersionBase): RulesetVersionBase {
  const { id, version, status, notes, author, createdAt, publishedAt } = row;
  return { id, version, status, notes, author, createdAt, publishedAt };
}

export type RulesetVersionRow = RulesetVersionBase & {
  /** The version it is compared with (the next lower version number), or null for the first. */
  previousVersion: number | null;
  /** "Critical band starts at 75 → 80; …" — vs. the previous version; null when either config no longer validates. */
  changeSummary: string | null;
  changeCount: number | null;
  /** false when the stored config no longer validates with this engine (it can't be published or previewed). */
  valid: boolean;
};

export type ListRulesetVersionsOptions = { actor: Actor; limit?: number };

/** Every version, newest first, with who made it and a short summary of what changed from the version before. */
export async function listRulesetVersions({ actor, limit = 100 }: ListRulesetVersionsOptions): Promise<RulesetVersionRow[]> {
  assertPermission(actor, "rulesets.manage");
  // A fresh database stores the engine's default as version 1 here, so the history is never empty.
  await getPublishedRuleset();
  const shown = Math.min(Math.max(limit, 1), 500);
  const rows = await getDb().rulesetVersion.findMany({
    orderBy: { version: "desc" },
    // One more than shown: the oldest row shown is compared with it.
    take: shown + 1,
    select: RULESET_VERSION_SELECT,
  });
  const parsed = rows.map((r) => safeParseRulesetConfig(r.config));
  return rows.slice(0, shown).map((row, i) => {
    const current = parsed[i];
    const previous = i + 1 < rows.length ? parsed[i + 1] : null;
    const changes = current.success && previous?.success ? diffRulesetConfigs(previous.data, current.data) : null;
    return {
      ...versionBase(row),
      previousVersion: rows[i + 1]?.version ?? null,
      changeSummary: changes ? summarizeRulesetChanges(changes) : null,
      changeCount: changes ? changes.length : null,
      valid: current.success,
    };
  });
}

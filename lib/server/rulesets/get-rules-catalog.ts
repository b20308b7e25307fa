import "server-only";
import { indicatorCoverage, ruleCatalog } from "@/lib/engine";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { getPublishedRuleset } from "./get-published-ruleset";

/** The rule catalog with the weights of the ruleset in force, and indicator coverage (same source as docs/rules.md). */
export async function getRulesCatalog({ actor }: { actor: Actor }) {
  assertPermission(actor, "rules.read");
  const published = await getPublishedRuleset();
  const row = await getDb().rulesetVersion.findUniqueOrThrow({ where: { id: published.id }, select: { publishedAt: true } });
  return {
    rulesetVersion: published.version,
    publishedAt: row.publishedAt,
    thresholds: published.ruleset.config.bandThresholds,
    lowSeverityCap: published.ruleset.config.lowSeverityCap,
    rules: ruleCatalog(published.ruleset.config),
    coverage: indicatorCoverage(),
  };
}

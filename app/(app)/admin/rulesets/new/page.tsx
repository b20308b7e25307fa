import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RulesetDraftForm } from "@/components/admin/ruleset-draft-form";
import { RulesetStatusBadge } from "@/components/admin/ruleset-version-history";
import { CATEGORIES, CATEGORY_TITLES, defaultRulesetConfig, rulesById } from "@/lib/engine";
import { isAppError } from "@/lib/errors";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getRulesetVersion } from "@/lib/server/rulesets/get-ruleset-version";
import { createRulesetDraftAction } from "../actions";

export const metadata: Metadata = { title: "New ruleset draft" };

export default async function NewRulesetDraftPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  const actor = await requirePageActor("rulesets.manage", "/admin/rulesets/new");
  const shipped = from === "shipped";
  let base;
  try {
    // "shipped": the engine's own default, for installations whose published version predates it.
    base = shipped ? shippedDefaultBase() : await getRulesetVersion({ actor, rulesetVersionId: from || undefined });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link className="text-brand-700 underline" href="/admin/rulesets">
          Rulesets
        </Link>{" "}
        / New draft
      </nav>
      <div>
        <h1 className="text-2xl font-bold">New ruleset draft</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          {base.version === null ? (
            <>Starting from the engine&apos;s shipped default (the corroboration model). </>
          ) : (
            <>
              Starting from version {base.version} <RulesetStatusBadge status={base.status} />.{" "}
            </>
          )}
          Saving creates a new draft version; nothing changes for
          screenings until you preview and publish it. Drafts can&apos;t be edited afterwards — to change one, start a new draft from it.
        </p>
      </div>
      {base.config ? (
        <section aria-label="Draft settings" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <RulesetDraftForm
            action={createRulesetDraftAction}
            base={{
              id: base.id,
              version: base.version,
              status: base.status,
              severityPoints: { ...base.config.severityPoints },
              lowSeverityCap: base.config.lowSeverityCap,
              bandThresholds: { ...base.config.bandThresholds },
              reviewThreshold: base.config.reviewThreshold,
              corroboration: base.config.corroboration ? { ...base.config.corroboration } : null,
              corroborationDefaults: { ...defaultRulesetConfig.corroboration! },
              categories: CATEGORIES.map((category) => ({
                id: category,
                title: CATEGORY_TITLES[category],
                rules: base.rules
                  .filter((r) => r.category === category)
                  .map((r) => ({ id: r.id, title: r.title, severity: r.severity, indicatorIds: [...r.indicatorIds], enabled: r.enabled, weight: r.weight })),
              })).filter((c) => c.rules.length > 0),
            }}
          />
        </section>
      ) : (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
          Version {base.version} is not valid for this engine, so a draft can&apos;t start from it. Start from the{" "}
          <Link className="underline" href="/admin/rulesets/new">
            published version
          </Link>{" "}
          instead.
        </p>
      )}
    </div>
  );
}

/** The shipped default shaped like a stored version for the form (no id, no version number). */
function shippedDefaultBase() {
  const config = defaultRulesetConfig;
  return {
    id: null,
    version: null,
    status: "DRAFT" as const,
    config,
    rules: Object.entries(config.rules).map(([id, s]) => {
      const rule = rulesById.get(id)!;
      return { id, title: rule.title, category: rule.category, severity: rule.severity, indicatorIds: rule.indicatorIds, enabled: s.enabled, weight: s.weight };
    }),
  };
}

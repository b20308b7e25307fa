import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RulesetPreviewPanel } from "@/components/admin/ruleset-preview-panel";
import { RulesetPublishButton } from "@/components/admin/ruleset-publish-button";
import { RulesetRescreenProgress } from "@/components/admin/ruleset-rescreen-progress";
import { formatUtc, RulesetStatusBadge } from "@/components/admin/ruleset-version-history";
import { CATEGORIES, CATEGORY_TITLES } from "@/lib/engine";
import { isAppError } from "@/lib/errors";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getRescreenStatus } from "@/lib/server/jobs/get-rescreen-status";
import { getRulesetVersion } from "@/lib/server/rulesets/get-ruleset-version";
import { listRulesetVersions } from "@/lib/server/rulesets/list-ruleset-versions";
import { previewRulesetAction, publishRulesetAction } from "../actions";

export const metadata: Metadata = { title: "Ruleset version" };

const SEVERITY_LABELS = { H: "High", M: "Medium", L: "Low" } as const;
const BAND_LABELS = { LOW: "Low", ELEVATED: "Elevated", HIGH: "High", CRITICAL: "Critical" } as const;

export default async function RulesetVersionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePageActor("rulesets.manage", `/admin/rulesets/${id}`);
  let ruleset;
  try {
    ruleset = await getRulesetVersion({ actor, rulesetVersionId: id });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const isPublished = ruleset.id === ruleset.published.id;
  const latestRescreen = isPublished ? await getRescreenStatus({ actor, reason: "RULESET" }) : null;
  const rescreen = latestRescreen?.subjectId === ruleset.id ? latestRescreen : null;
  const changes = ruleset.changesVsPublished;
  // A published or retired version can be compared with the version that was in force before it.
  const previous =
    ruleset.publishedAt && ruleset.config
      ? ((await listRulesetVersions({ actor }))
          .filter((v) => v.id !== ruleset.id && v.publishedAt && v.publishedAt < ruleset.publishedAt!)
          .sort((a, b) => b.publishedAt!.getTime() - a.publishedAt!.getTime())[0] ?? null)
      : null;

  return (
    <div className="space-y-8">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
        <Link className="text-brand-700 underline" href="/admin/rulesets">
          Rulesets
        </Link>{" "}
        / Version {ruleset.version}
      </nav>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="space-y-1">
          <h1 className="flex items-center gap-3 text-2xl font-bold">
            Ruleset version {ruleset.version} <RulesetStatusBadge status={ruleset.status} />
          </h1>
          <p className="text-sm text-slate-600">
            Created {formatUtc(ruleset.createdAt.toISOString())} by {ruleset.author?.name ?? "the engine default"}
            {ruleset.publishedAt ? ` · published ${formatUtc(ruleset.publishedAt.toISOString())}` : ""}
          </p>
          <p className="max-w-3xl text-sm text-slate-800">
            <span className="font-medium">Notes: </span>
            {ruleset.notes ?? "None"}
          </p>
        </div>
        {ruleset.config ? (
          <Link
            href={`/admin/rulesets/new?from=${ruleset.id}`}
            className="inline-flex items-center justify-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
          >
            New draft from this version
          </Link>
        ) : null}
      </div>

      {isPublished ? (
        <section aria-labelledby="in-force-heading" className="rounded-xl bg-emerald-50 p-6 ring-1 ring-emerald-200">
          <h2 id="in-force-heading" className="text-base font-semibold text-emerald-900">
            In force
          </h2>
          <p className="mt-1 text-sm text-emerald-900">Version {ruleset.version} is the published ruleset: every new screening uses it.</p>
          <div className="mt-3">
            <RulesetRescreenProgress
              rescreen={rescreen && { ...rescreen, createdAt: rescreen.createdAt.toISOString(), finishedAt: rescreen.finishedAt?.toISOString() ?? null }}
            />
          </div>
        </section>
      ) : null}

      {ruleset.issues.length ? (
        <section aria-labelledby="invalid-heading" className="rounded-xl bg-red-50 p-6 ring-1 ring-red-200">
          <h2 id="invalid-heading" className="text-base font-semibold text-red-900">
            Not valid for this engine
          </h2>
          <p className="mt-1 text-sm text-red-900">This version can&apos;t be previewed or published. Start a new draft from the published version instead.</p>
          <ul className="mt-2 list-disc pl-5 text-sm text-red-900">
            {ruleset.issues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <code>{issue.path || "(whole ruleset)"}</code>: {issue.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {changes ? (
        <section aria-labelledby="changes-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="changes-heading" className="text-base font-semibold">
            Compared with the published version ({ruleset.published.version})
          </h2>
          {changes.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">Same settings as the published version.</p>
          ) : (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-800">
              {changes.map((c) => (
                <li key={c.path}>{c.text}</li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      {previous ? (
        <section aria-labelledby="compare-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="compare-heading" className="mb-1 text-base font-semibold">
            What this version changed
          </h2>
          <p className="mb-4 max-w-3xl text-sm text-slate-600">
            The candidates you have, each evaluated on its latest screening&apos;s facts under version {previous.version} (in force before this one) and under
            version {ruleset.version}.
          </p>
          <RulesetPreviewPanel rulesetVersionId={ruleset.id} version={ruleset.version} against={{ id: previous.id, version: previous.version }} action={previewRulesetAction} />
        </section>
      ) : null}

      {ruleset.status === "DRAFT" && ruleset.config ? (
        <>
          <section aria-labelledby="preview-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="preview-heading" className="mb-1 text-base font-semibold">
              Preview
            </h2>
            <p className="mb-4 max-w-3xl text-sm text-slate-600">
              How the bands of the candidates you have would change under this draft, compared with their current band.
            </p>
            <RulesetPreviewPanel rulesetVersionId={ruleset.id} version={ruleset.version} action={previewRulesetAction} />
          </section>
          <section aria-labelledby="publish-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
            <h2 id="publish-heading" className="mb-1 text-base font-semibold">
              Publish
            </h2>
            <p className="mb-4 max-w-3xl text-sm text-slate-600">
              Version {ruleset.published.version} is retired and this version scores every screening from then on. Every active candidate is re-screened
              in the background; their earlier screenings stay as they were.
            </p>
            <RulesetPublishButton
              rulesetVersionId={ruleset.id}
              version={ruleset.version}
              publishedVersion={ruleset.published.version}
              action={publishRulesetAction}
            />
          </section>
        </>
      ) : null}

      {ruleset.config ? (
        <section aria-labelledby="settings-heading" className="space-y-4 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <h2 id="settings-heading" className="text-base font-semibold">
            Settings
          </h2>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-4">
            {(Object.keys(BAND_LABELS) as (keyof typeof BAND_LABELS)[]).map((band) => (
              <div key={band}>
                <dt className="text-slate-600">{BAND_LABELS[band]} band starts at</dt>
                <dd className="font-medium tabular-nums">{ruleset.config!.bandThresholds[band]}</dd>
              </div>
            ))}
            {(Object.keys(SEVERITY_LABELS) as (keyof typeof SEVERITY_LABELS)[]).map((s) => (
              <div key={s}>
                <dt className="text-slate-600">{SEVERITY_LABELS[s]}-severity points</dt>
                <dd className="font-medium tabular-nums">{ruleset.config!.severityPoints[s]}</dd>
              </div>
            ))}
            <div>
              <dt className="text-slate-600">Low-severity cap</dt>
              <dd className="font-medium tabular-nums">{ruleset.config.lowSeverityCap}</dd>
            </div>
            <div>
              <dt className="text-slate-600">Review cases open from</dt>
              <dd className="font-medium">{BAND_LABELS[ruleset.config.reviewThreshold]} band</dd>
            </div>
            <div className="sm:col-span-4">
              <dt className="text-slate-600">Corroboration</dt>
              <dd className="font-medium">
                {ruleset.config.corroboration
                  ? `On — bonus ${ruleset.config.corroboration.crossCategoryBonus} per further category, ${ruleset.config.corroboration.sameCategoryBonus} per further signal in a category; one common signal alone scores at most ${ruleset.config.corroboration.uncorroboratedMaxScore}`
                  : "Off — each hit counts independently (engine-1 scoring)"}
              </dd>
            </div>
          </dl>
          {CATEGORIES.map((category) => {
            const rules = ruleset.rules.filter((r) => r.category === category);
            if (!rules.length) return null;
            return (
              <div key={category} className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
                <table className="min-w-full divide-y divide-slate-200 text-sm">
                  <caption className="bg-slate-50 px-4 py-2 text-left text-sm font-semibold text-slate-800">{CATEGORY_TITLES[category]}</caption>
                  <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                    <tr>
                      <th scope="col" className="px-4 py-2">Rule</th>
                      <th scope="col" className="px-3 py-2">Severity</th>
                      <th scope="col" className="px-3 py-2">On</th>
                      <th scope="col" className="px-3 py-2 text-right">Weight</th>
                      <th scope="col" className="px-3 py-2 text-right">Points per hit</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {rules.map((r) => (
                      <tr key={r.id} className={r.enabled ? undefined : "text-slate-500"}>
                        <th scope="row" className="px-4 py-2 text-left font-normal">
                          {r.title} <span className="text-xs text-slate-500">{r.indicatorIds.join(", ")}</span>
                        </th>
                        <td className="px-3 py-2">{SEVERITY_LABELS[r.severity]}</td>
                        <td className="px-3 py-2">{r.enabled ? "On" : "Off"}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{r.weight}</td>
                        <td className="px-3 py-2 text-right tabular-nums">{r.enabled ? r.points : "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          })}
        </section>
      ) : null}
    </div>
  );
}

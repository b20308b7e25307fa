import type { Metadata } from "next";
import Link from "next/link";
import { RulesetRescreenProgress } from "@/components/admin/ruleset-rescreen-progress";
import { RulesetVersionHistory } from "@/components/admin/ruleset-version-history";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getRescreenStatus } from "@/lib/server/jobs/get-rescreen-status";
import { listRulesetVersions } from "@/lib/server/rulesets/list-ruleset-versions";

export const metadata: Metadata = { title: "Rulesets" };

export default async function RulesetsPage() {
  const actor = await requirePageActor("rulesets.manage", "/admin/rulesets");
  const versions = await listRulesetVersions({ actor });
  const rescreen = await getRescreenStatus({ actor, reason: "RULESET" });
  const published = versions.find((v) => v.status === "PUBLISHED");
  const drafts = versions.filter((v) => v.status === "DRAFT");
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">Rulesets</h1>
          <p className="mt-1 max-w-3xl text-sm text-slate-600">
            Rule weights, severity points and band thresholds are kept as immutable versions. Save your changes as a draft, preview what it would do to
            the candidates you have, then publish it: new screenings use it at once and every active candidate is re-screened in the background. Every
            screening records the version it used; every draft and publish is audited.
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
        <Link
          href="/admin/rulesets/new?from=shipped"
          className="inline-flex items-center justify-center rounded-md bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm ring-1 ring-slate-300 hover:bg-slate-50"
        >
          New draft from the shipped default
        </Link>
        <Link
          href="/admin/rulesets/new"
          className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700"
        >
          New draft
        </Link>
        </div>
      </div>

      <section aria-labelledby="in-force-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="in-force-heading" className="text-base font-semibold">
          In force
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {published ? (
            <>
              <Link className="text-brand-700 underline" href={`/admin/rulesets/${published.id}`}>
                Version {published.version}
              </Link>{" "}
              is published. The <Link className="text-brand-700 underline" href="/rules">Rules page</Link> shows its weights to everyone.
            </>
          ) : (
            "No version is published."
          )}
        </p>
        <p className="mt-1 text-sm text-slate-600">
          {drafts.length === 0
            ? "No drafts waiting: start one with “New draft”."
            : `${drafts.length === 1 ? "1 draft is" : `${drafts.length} drafts are`} waiting to be previewed and published.`}
        </p>
        <div className="mt-3">
          <RulesetRescreenProgress
            rescreen={rescreen && { ...rescreen, createdAt: rescreen.createdAt.toISOString(), finishedAt: rescreen.finishedAt?.toISOString() ?? null }}
          />
        </div>
      </section>

      <section aria-labelledby="history-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="history-heading" className="px-6 pt-6 text-base font-semibold">
          Versions <span className="font-normal text-slate-500">({versions.length})</span>
        </h2>
        <RulesetVersionHistory
          headingId="history-heading"
          rows={versions.map((v) => ({
            id: v.id,
            version: v.version,
            status: v.status,
            notes: v.notes,
            author: v.author?.name ?? null,
            createdAt: v.createdAt.toISOString(),
            publishedAt: v.publishedAt?.toISOString() ?? null,
            previousVersion: v.previousVersion,
            changeSummary: v.changeSummary,
            valid: v.valid,
          }))}
        />
      </section>
    </div>
  );
}

import type { Metadata } from "next";
import { CATEGORIES, CATEGORY_TITLES, SEVERITY_TITLES } from "@/lib/engine";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getRulesCatalog } from "@/lib/server/rulesets/get-rules-catalog";

export const metadata: Metadata = { title: "Rules" };

const SEVERITY_STYLE: Record<string, string> = {
  H: "bg-red-50 text-red-800 ring-red-200",
  M: "bg-amber-50 text-amber-900 ring-amber-200",
  L: "bg-slate-100 text-slate-700 ring-slate-300",
};

export default async function RulesPage() {
  const actor = await requirePageActor("rules.read", "/rules");
  const catalog = await getRulesCatalog({ actor });
  const covered = catalog.coverage.filter((c) => c.covered).length;
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Rules</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Every red flag the engine checks, with the advisory it comes from, the innocent explanations to rule out and
          the verification step it recommends. Ruleset version {catalog.rulesetVersion} is in force
          {catalog.publishedAt ? ` (published ${catalog.publishedAt.toISOString().slice(0, 10)})` : ""}. Bands start at: Low {catalog.thresholds.LOW},
          Elevated {catalog.thresholds.ELEVATED}, High {catalog.thresholds.HIGH}, Critical {catalog.thresholds.CRITICAL}. A band orders human
          review — it never rejects anyone.
        </p>
        <p className="mt-2 text-sm font-medium text-slate-800">
          {catalog.rules.length} rules cover {covered} of {catalog.coverage.length} indicators.
        </p>
      </div>

      <nav aria-label="Categories" className="flex flex-wrap gap-2">
        {CATEGORIES.map((cat) => (
          <a key={cat} href={`#cat-${cat}`} className="rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
            {CATEGORY_TITLES[cat]} ({catalog.rules.filter((r) => r.category === cat).length})
          </a>
        ))}
        <a href="#coverage" className="rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-slate-300 hover:bg-slate-50">
          Indicator coverage
        </a>
      </nav>

      {CATEGORIES.map((cat) => (
        <section key={cat} id={`cat-${cat}`} aria-labelledby={`h-${cat}`} className="space-y-3">
          <h2 id={`h-${cat}`} className="text-lg font-semibold">
            {CATEGORY_TITLES[cat]}
          </h2>
          <ul className="space-y-2">
            {catalog.rules
              .filter((r) => r.category === cat)
              .map((r) => (
                <li key={r.id} className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
                  <details>
                    <summary className="flex cursor-pointer list-none flex-wrap items-center gap-3 px-4 py-3">
                      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${SEVERITY_STYLE[r.severity]}`} title={SEVERITY_TITLES[r.severity]}>
                        {r.severity}
                      </span>
                      <span className="font-medium">{r.title}</span>
                      <span className="text-xs text-slate-500">{r.indicatorIds.join(", ")}</span>
                      <span className="ml-auto text-xs text-slate-600">
                        {r.enabled ? `weight ${r.weight} · ${r.points} pts` : "disabled"}
                      </span>
                    </summary>
                    <div className="grid gap-4 border-t border-slate-100 px-4 py-3 text-sm md:grid-cols-2">
                      <div className="space-y-2">
                        <p>{r.description}</p>
                        {r.severityNote ? <p className="text-slate-600">{r.severityNote}</p> : null}
                        <p className="text-slate-600">
                          <span className="font-medium text-slate-800">Sources: </span>
                          {r.sources.map((s) => `${s.code} (${s.title})`).join("; ")}
                        </p>
                        <p className="text-xs text-slate-500">Rule id: {r.id}</p>
                      </div>
                      <div className="space-y-2">
                        <div>
                          <p className="font-medium">Innocent explanations to rule out</p>
                          <ul className="mt-1 list-disc pl-5 text-slate-700">
                            {r.innocentExplanations.map((e) => (
                              <li key={e}>{e}</li>
                            ))}
                          </ul>
                        </div>
                        <p>
                          <span className="font-medium">Verification step: </span>
                          {r.verificationStep.text}
                        </p>
                      </div>
                    </div>
                  </details>
                </li>
              ))}
          </ul>
        </section>
      ))}

      <section id="coverage" aria-labelledby="coverage-heading" className="space-y-3">
        <h2 id="coverage-heading" className="text-lg font-semibold">
          Indicator coverage
        </h2>
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Advisory indicators and the rules that cover them</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Indicator</th>
                <th scope="col" className="px-3 py-2">Severity</th>
                <th scope="col" className="px-3 py-2">What to check</th>
                <th scope="col" className="px-3 py-2">Sources</th>
                <th scope="col" className="px-3 py-2">Covered by</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {catalog.coverage.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">{c.id}</th>
                  <td className="px-3 py-2">{c.severityText}</td>
                  <td className="px-3 py-2">{c.title}</td>
                  <td className="px-3 py-2 text-slate-600">{c.sources.join(", ")}</td>
                  <td className="px-3 py-2">{c.covered ? c.ruleIds.join(", ") : <span className="text-slate-500">Not covered: {c.reason}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

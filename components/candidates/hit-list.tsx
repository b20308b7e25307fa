import type { HitView } from "./types";

const SEVERITY: Record<string, { label: string; style: string }> = {
  H: { label: "High", style: "bg-red-50 text-red-800 ring-red-200" },
  M: { label: "Medium", style: "bg-amber-50 text-amber-900 ring-amber-200" },
  L: { label: "Low", style: "bg-slate-100 text-slate-700 ring-slate-300" },
};

/** Hits grouped by category; each shows its evidence in plain words, sources, what to rule out and the next step. */
export function HitList({ hits, categoryTitles, sourceTitles }: { hits: HitView[]; categoryTitles: Record<string, string>; sourceTitles: Record<string, string> }) {
  if (hits.length === 0) {
    return <p className="text-sm text-slate-600">No red flags in the evidence recorded so far. Later stages may add evidence.</p>;
  }
  const categories = [...new Set(hits.map((h) => h.category))];
  return (
    <div className="space-y-5">
      {categories.map((cat) => (
        <section key={cat} aria-label={categoryTitles[cat] ?? cat}>
          <h3 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{categoryTitles[cat] ?? cat}</h3>
          <ul className="mt-2 space-y-3">
            {hits
              .filter((h) => h.category === cat)
              .map((h) => (
                <li key={h.ruleId} className="rounded-lg border border-slate-200 p-4" data-testid={`hit-${h.ruleId}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ${SEVERITY[h.severity]?.style}`}>{SEVERITY[h.severity]?.label}</span>
                    <span className="font-medium">{h.title}</span>
                    <span className="text-xs text-slate-500">{h.indicatorIds.join(", ")}</span>
                    {h.specific === undefined ? null : h.specific ? (
                      <span className="rounded bg-red-50 px-1.5 py-0.5 text-xs text-red-800 ring-1 ring-red-200" title="Specific to the scheme: counts on its own">
                        Specific to the scheme
                      </span>
                    ) : (
                      <span className="rounded bg-slate-50 px-1.5 py-0.5 text-xs text-slate-700 ring-1 ring-slate-200" title="Innocent explanations are common: alone it stays Low">
                        Needs corroboration
                      </span>
                    )}
                    <span className="ml-auto text-xs font-medium text-slate-700" title="Points this flag adds to the score">
                      +{h.contribution}
                    </span>
                  </div>
                  <p className="mt-1 text-sm text-slate-700">{h.summary}</p>
                  {h.evidence.length ? (
                    <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
                      {h.evidence.map((e, i) => (
                        <div key={i} className="contents">
                          <dt className="text-slate-500">{e.label}</dt>
                          <dd className="text-slate-900">{e.value}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : null}
                  <details className="mt-2 text-sm">
                    <summary className="cursor-pointer text-brand-700">Innocent explanations, source and next step</summary>
                    <div className="mt-2 space-y-2 text-slate-700">
                      <ul className="list-disc pl-5">
                        {h.innocentExplanations.map((x) => (
                          <li key={x}>{x}</li>
                        ))}
                      </ul>
                      <p>
                        <span className="font-medium">Source: </span>
                        {h.source.map((s) => sourceTitles[s] ?? s).join("; ")}
                      </p>
                      <p>
                        <span className="font-medium">Verification step: </span>
                        {h.verificationStep.text}
                      </p>
                    </div>
                  </details>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

"use client";

import Link from "next/link";
import { useActionState } from "react";
import { BandBadge } from "@/components/ui/badges";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult } from "@/lib/errors";
import { RulesetPreviewChart, type BandCountsView } from "./ruleset-preview-chart";

type BandView = keyof BandCountsView;

export type RulesetPreviewView = {
  version: number;
  publishedVersion: number;
  /** Compared with this version re-evaluated on the same facts, instead of the candidates' current bands. */
  againstVersion: number | null;
  compared: number;
  notScreened: number;
  unreadable: number;
  before: BandCountsView;
  after: BandCountsView;
  transitions: Record<BandView, BandCountsView>;
  movedUp: number;
  movedDown: number;
  scoreChangedOnly: number;
  unchanged: number;
  /** Review cases open from this band (ADR 0011). */
  reviewThreshold: BandView;
  atReviewThreshold: number;
  /** At the threshold and without an open case now: a case would open for each. */
  wouldOpenCase: number;
  sample: { candidateId: string; fullName: string; fromBand: BandView; toBand: BandView; fromScore: number; toScore: number }[];
  durationMs: number;
};

type Props<T extends RulesetPreviewView> = {
  rulesetVersionId: string;
  version: number;
  /** Compare with another version (e.g. the one published before) instead of the current bands. */
  against?: { id: string; version: number };
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
};

const BANDS: readonly BandView[] = ["CLEAR", "LOW", "ELEVATED", "HIGH", "CRITICAL"];
const n = new Intl.NumberFormat("en");
const bandLabel = (band: string) => band.charAt(0) + band.slice(1).toLowerCase();
const plural = (count: number, one: string, many: string) => `${n.format(count)} ${count === 1 ? one : many}`;

/** Runs the preview on demand (it reads every active candidate) and shows what would change, announced when ready. */
export function RulesetPreviewPanel<T extends RulesetPreviewView>({ rulesetVersionId, version, against, action }: Props<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <div className="space-y-4">
      <form action={formAction} aria-label={against ? `Compare version ${version} with version ${against.version}` : `Preview version ${version}`} className="flex flex-wrap items-center gap-3">
        <input type="hidden" name="rulesetVersionId" value={rulesetVersionId} />
        {against ? <input type="hidden" name="againstVersionId" value={against.id} /> : null}
        <SubmitButton variant="secondary" pendingLabel="Running preview…">
          {against ? (state?.ok ? "Compare again" : `Compare with version ${against.version}`) : state?.ok ? "Run preview again" : "Run preview"}
        </SubmitButton>
        <p className="text-sm text-slate-600">Nothing is changed or saved: this only reads the latest screening of each active candidate.</p>
      </form>
      <div aria-live="polite" aria-busy={pending} data-testid="ruleset-preview">
        {pending ? <p className="text-sm text-slate-600">Re-evaluating candidates…</p> : null}
        {!pending && state && !state.ok ? (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
            {state.message}
          </p>
        ) : null}
        {!pending && state?.ok ? <PreviewResult preview={state.data} /> : null}
      </div>
    </div>
  );
}

function PreviewResult({ preview: p }: { preview: RulesetPreviewView }) {
  if (p.compared === 0) {
    return (
      <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-slate-200">
        There are no screened candidates to compare yet{p.notScreened ? ` (${plural(p.notScreened, "candidate has", "candidates have")} never been screened)` : ""}. Once
        published, this version applies to every screening from then on.
      </p>
    );
  }
  const changed = p.movedUp + p.movedDown;
  const now = p.againstVersion === null ? "Now" : `With version ${p.againstVersion}`;
  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-800">
        Compared {plural(p.compared, "candidate", "candidates")} with version {p.version}:{" "}
        {changed === 0 ? (
          <strong>no candidate changes band</strong>
        ) : (
          <>
            <strong>{plural(p.movedUp, "moves", "move")} to a higher band</strong>, <strong>{plural(p.movedDown, "moves", "move")} to a lower band</strong>
          </>
        )}
        , {plural(p.unchanged + p.scoreChangedOnly, "keeps its band", "keep their band")}
        {p.scoreChangedOnly ? ` (${plural(p.scoreChangedOnly, "with a different score", "with a different score")})` : ""}.
        {p.notScreened ? ` ${plural(p.notScreened, "candidate was", "candidates were")} never screened.` : ""}
        {p.unreadable ? ` ${plural(p.unreadable, "screening", "screenings")} from an older engine could not be read and ${p.unreadable === 1 ? "was" : "were"} left out.` : ""}
      </p>
      <p className="text-sm text-slate-800" data-testid="preview-review-cases">
        Review cases open from the <BandBadge band={p.reviewThreshold} /> band: {plural(p.atReviewThreshold, "candidate reaches", "candidates reach")} it,{" "}
        <strong>{plural(p.wouldOpenCase, "candidate would open a case", "candidates would open a case")}</strong> (no open case now).
      </p>

      <div className="grid gap-6 lg:grid-cols-2">
        <figure className="space-y-2">
          <RulesetPreviewChart before={p.before} after={p.after} version={p.version} beforeLabel={now} />
          <figcaption className="text-xs text-slate-500">Candidates per band: {now.toLowerCase()} and with version {p.version}.</figcaption>
        </figure>
        <div className="overflow-x-auto">
          <table className="min-w-full text-sm">
            <caption className="pb-2 text-left text-sm font-semibold text-slate-800">Candidates per band</caption>
            <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-3">Band</th>
                <th scope="col" className="px-3 py-1 text-right">{now}</th>
                <th scope="col" className="px-3 py-1 text-right">With version {p.version}</th>
                <th scope="col" className="px-3 py-1 text-right">Difference</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {BANDS.map((band) => {
                const diff = p.after[band] - p.before[band];
                return (
                  <tr key={band}>
                    <th scope="row" className="py-1 pr-3 text-left font-normal">
                      <BandBadge band={band} />
                    </th>
                    <td className="px-3 py-1 text-right tabular-nums">{n.format(p.before[band])}</td>
                    <td className="px-3 py-1 text-right tabular-nums">{n.format(p.after[band])}</td>
                    <td className={`px-3 py-1 text-right tabular-nums ${diff > 0 ? "text-red-800" : diff < 0 ? "text-emerald-800" : "text-slate-500"}`}>
                      {diff > 0 ? `+${n.format(diff)}` : diff < 0 ? `−${n.format(-diff)}` : "0"}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </div>

      <div className="overflow-x-auto">
        <table className="text-sm">
          <caption className="pb-2 text-left text-sm font-semibold text-slate-800">Band {p.againstVersion === null ? "now" : `with version ${p.againstVersion}`} (rows) → band with version {p.version} (columns)</caption>
          <thead className="text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <td />
              {BANDS.map((to) => (
                <th key={to} scope="col" className="px-3 py-1 text-right">
                  {bandLabel(to)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {BANDS.map((from) => (
              <tr key={from}>
                <th scope="row" className="py-1 pr-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  {bandLabel(from)}
                </th>
                {BANDS.map((to) => {
                  const count = p.transitions[from][to];
                  const style = count === 0 ? "text-slate-400" : from === to ? "bg-slate-50 text-slate-700" : "bg-amber-50 font-semibold text-amber-900";
                  return (
                    <td key={to} className={`px-3 py-1 text-right tabular-nums ${style}`}>
                      {n.format(count)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {p.sample.length ? (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="pb-2 text-left text-sm font-semibold text-slate-800">
              Candidates who change band{changed > p.sample.length ? ` (first ${n.format(p.sample.length)} of ${n.format(changed)})` : ""}
            </caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Candidate</th>
                <th scope="col" className="px-3 py-2">{now}</th>
                <th scope="col" className="px-3 py-2">With version {p.version}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {p.sample.map((c) => (
                <tr key={c.candidateId}>
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <Link className="text-brand-700 underline" href={`/candidates/${c.candidateId}`}>
                      {c.fullName}
                    </Link>
                  </th>
                  <td className="px-3 py-2">
                    <BandBadge band={c.fromBand} score={c.fromScore} />
                  </td>
                  <td className="px-3 py-2">
                    <BandBadge band={c.toBand} score={c.toScore} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p className="text-xs text-slate-500">
        Each candidate&apos;s latest screening was evaluated again at its own date with this version&apos;s settings ({n.format(p.durationMs)} ms). The re-screen
        after publishing also refreshes enrichment, linkage and sanctions, so a few results can differ from this preview.
      </p>
    </div>
  );
}

"use client";

import Link from "next/link";
import { BandBadge, StageBadge } from "@/components/ui/badges";
import { FormMessage } from "@/components/ui/form-message";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";

export type ReviewQueueRowView = {
  id: string;
  candidateName: string;
  stage: string;
  statusLabel: string;
  band: string;
  score: number;
  openedByReferral: boolean;
  assigneeName: string | null;
  age: string;
  due: string;
  overdue: boolean;
  open: boolean;
  changes: string;
};

type Props<T> = {
  rows: ReviewQueueRowView[];
  assignees: { id: string; name: string }[];
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
};

/** The queue as one form: tick cases and assign them (or claim them), or claim one row with its own button. */
export function ReviewQueueTable<T>({ rows, assignees, action }: Props<T>) {
  const { state, formAction, errors } = useFormAction(action);
  const fieldErrors = Object.values(errors ?? {}).flat();
  return (
    <form action={formAction} aria-label="Review queue" className="space-y-3">
      <FormMessage state={state} success="Assignment saved." />
      {fieldErrors.length ? <p className="text-sm text-red-700">{fieldErrors.join(" ")}</p> : null}
      <div className="flex flex-wrap items-end gap-2">
        <label className="text-sm">
          <span className="block font-medium text-slate-800">Assign selected to</span>
          <select name="assignee" className="mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm" defaultValue="me">
            <option value="me">Me</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
            <option value="">Nobody (unassign)</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800">
          Assign selected
        </button>
      </div>
      <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <table className="min-w-full divide-y divide-slate-200 text-sm">
          <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
            <tr>
              <th scope="col" className="px-3 py-2">
                <span className="sr-only">Select</span>
              </th>
              <th scope="col" className="px-3 py-2">Candidate</th>
              <th scope="col" className="px-3 py-2">Band</th>
              <th scope="col" className="px-3 py-2">Stage</th>
              <th scope="col" className="px-3 py-2">Status</th>
              <th scope="col" className="px-3 py-2">Changed since last review</th>
              <th scope="col" className="px-3 py-2">Age</th>
              <th scope="col" className="px-3 py-2">Due</th>
              <th scope="col" className="px-3 py-2">Assignee</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => (
              <tr key={r.id} data-testid="case-row" className={r.overdue ? "bg-red-50" : undefined}>
                <td className="px-3 py-2">
                  {r.open ? <input type="checkbox" name={`case.${r.id}`} aria-label={`Select the case of ${r.candidateName}`} /> : null}
                </td>
                <td className="px-3 py-2">
                  <Link href={`/review/${r.id}`} className="font-medium text-brand-700 hover:underline">
                    {r.candidateName}
                  </Link>
                  {r.openedByReferral ? <span className="ml-2 text-xs text-slate-500">referred</span> : null}
                </td>
                <td className="px-3 py-2">
                  <BandBadge band={r.band} score={r.score} />
                </td>
                <td className="px-3 py-2">
                  <StageBadge stage={r.stage} />
                </td>
                <td className="px-3 py-2">{r.statusLabel}</td>
                <td className="px-3 py-2 text-xs text-slate-700">{r.changes}</td>
                <td className="px-3 py-2 whitespace-nowrap">{r.age}</td>
                <td className={`px-3 py-2 whitespace-nowrap ${r.overdue ? "font-semibold text-red-800" : ""}`}>
                  {r.due}
                  {r.overdue ? <span className="ml-1">(overdue)</span> : null}
                </td>
                <td className="px-3 py-2 whitespace-nowrap">
                  {r.assigneeName ?? (r.open ? (
                    <button type="submit" name="claim" value={r.id} className="rounded-md bg-white px-2 py-1 text-xs font-semibold text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50">
                      Claim<span className="sr-only"> the case of {r.candidateName}</span>
                    </button>
                  ) : (
                    "—"
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}

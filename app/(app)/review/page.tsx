import type { Metadata } from "next";
import Link from "next/link";
import { ReviewQueueTable, type ReviewQueueRowView } from "@/components/review/review-queue-table";
import { CASE_STATUS_LABELS, CASE_STATUSES, isOpenCaseStatus } from "@/lib/cases";
import { rulesById } from "@/lib/engine";
import { caseQueueQuerySchema } from "@/lib/schemas/case";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { listCaseAssignees } from "@/lib/server/cases/list-case-assignees";
import { listReviewQueue, type ReviewQueueItem } from "@/lib/server/cases/list-review-queue";
import { assignCasesAction } from "./actions";

export const metadata: Metadata = { title: "Review queue" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
const FILTER_KEYS = ["status", "band", "assignee", "overdue", "indicator", "sort"] as const;

function age(from: Date, now: Date): string {
  const hours = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 3_600_000));
  return hours < 48 ? `${hours} h` : `${Math.floor(hours / 24)} days`;
}

function changesText(item: ReviewQueueItem): string {
  if (!item.changes.reviewed) return "Not reviewed yet";
  const parts: string[] = [];
  if (item.changes.scoreDelta) parts.push(`score ${item.changes.scoreDelta > 0 ? "+" : ""}${item.changes.scoreDelta}`);
  const titles = (ids: string[]) => ids.map((id) => rulesById.get(id)?.title ?? id).join("; ");
  if (item.changes.newRules.length) parts.push(`new: ${titles(item.changes.newRules)}`);
  if (item.changes.goneRules.length) parts.push(`gone: ${titles(item.changes.goneRules)}`);
  return parts.length ? parts.join("; ") : "Nothing new";
}

export default async function ReviewQueuePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("cases.read", "/review");
  const raw = await searchParams;
  const first = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const query = caseQueueQuerySchema.parse(Object.fromEntries([...FILTER_KEYS, "cursor"].map((k) => [k, first(k)])));
  const now = new Date();
  const page = await listReviewQueue({ actor, query, now });
  const assignees = await listCaseAssignees({ actor });
  const filters = new URLSearchParams(FILTER_KEYS.flatMap((k) => (query[k] ? [[k, String(query[k])]] : [])));
  const nextHref = page.nextCursor ? `/review?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}` : null;
  const rows: ReviewQueueRowView[] = page.items.map((i) => ({
    id: i.id,
    candidateName: i.candidateName,
    stage: i.stage,
    statusLabel: CASE_STATUS_LABELS[i.status] + (i.reopenCount ? " (re-opened)" : ""),
    band: i.band,
    score: i.score,
    openedByReferral: i.openedBy === "REFERRAL",
    assigneeName: i.assigneeName,
    age: age(i.openedAt, now),
    due: dateFormat.format(i.dueAt),
    overdue: i.overdue,
    open: isOpenCaseStatus(i.status),
    changes: changesText(i),
  }));
  const select = "mt-1 block rounded-md border border-slate-300 px-2 py-1.5 text-sm";

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Review queue</h1>
        <p className="mt-1 text-sm text-slate-600">
          Cases open automatically when a screening reaches the ruleset&apos;s review threshold, or when a recruiter refers a candidate to security. Claim a
          case, review it, and propose a closure: not cleared, referred, and clearing a sanctions hit need a second analyst&apos;s approval. Times are UTC.
        </p>
      </div>
      <form method="get" action="/review" aria-label="Filter the queue" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <label className="text-sm">
          <span className="font-medium">Status</span>
          <select name="status" defaultValue={query.status} className={select}>
            <option value="open">Open (all open statuses)</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {CASE_STATUS_LABELS[s]}
              </option>
            ))}
            <option value="closed">Closed</option>
            <option value="all">All</option>
          </select>
        </label>
        <label className="text-sm">
          <span className="font-medium">Band</span>
          <select name="band" defaultValue={query.band ?? ""} className={select}>
            <option value="">Any</option>
            {["CRITICAL", "HIGH", "ELEVATED", "LOW"].map((b) => (
              <option key={b} value={b}>
                {b.charAt(0) + b.slice(1).toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="font-medium">Assignee</span>
          <select name="assignee" defaultValue={query.assignee ?? ""} className={select}>
            <option value="">Anyone</option>
            <option value="me">Mine</option>
            <option value="unassigned">Unassigned</option>
            {assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="font-medium">Indicator</span>
          <input name="indicator" defaultValue={query.indicator ?? ""} placeholder="e.g. LNK-01" className={`${select} w-28`} />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="overdue" value="1" defaultChecked={query.overdue === "1"} /> Overdue only
        </label>
        <label className="text-sm">
          <span className="font-medium">Sort by</span>
          <select name="sort" defaultValue={query.sort} className={select}>
            <option value="due">Due date (soonest)</option>
            <option value="age">Age (oldest)</option>
            <option value="score">Score (highest)</option>
          </select>
        </label>
        <button type="submit" className="rounded-md bg-white px-3 py-1.5 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
          Apply
        </button>
        <Link href="/review" className="text-sm text-brand-700 hover:underline">
          Reset
        </Link>
      </form>
      {rows.length === 0 ? (
        <p className="rounded-xl bg-white p-6 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">No cases match these filters.</p>
      ) : (
        <ReviewQueueTable rows={rows} assignees={assignees} action={assignCasesAction} />
      )}
      {nextHref ? (
        <p>
          <Link href={nextHref} className="text-sm font-semibold text-brand-700 hover:underline">
            Next page →
          </Link>
        </p>
      ) : null}
    </div>
  );
}

"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

export type ImportProgressView = {
  id: string;
  status: "DRAFT" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";
  totalRows: number;
  processedRows: number;
  createdRows: number;
  updatedRows: number;
  failedRows: number;
  failureReason: string | null;
};

const DONE = new Set(["COMPLETED", "FAILED", "CANCELLED"]);
const STATUS_LABELS: Record<ImportProgressView["status"], string> = {
  DRAFT: "Waiting for the column mapping",
  QUEUED: "Queued",
  RUNNING: "Importing",
  COMPLETED: "Completed",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
};
const n = new Intl.NumberFormat("en");

/**
 * The import's progress, polled every second from GET /api/imports/{id} until it is done (the job runs in the
 * server's worker, so leaving the page and coming back is fine). When it finishes the page is refreshed so the
 * server-rendered error list includes the rows the screening refused.
 */
export function ImportProgress({ initial }: { initial: ImportProgressView }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const done = DONE.has(progress.status);

  useEffect(() => {
    if (done) return;
    let cancelled = false;
    const timer = setInterval(async () => {
      try {
        const res = await fetch(`/api/imports/${initial.id}`, { cache: "no-store" });
        if (!res.ok || cancelled) return;
        const body = (await res.json()) as { import: ImportProgressView };
        setProgress(body.import);
        if (DONE.has(body.import.status)) router.refresh();
      } catch {
        // A dropped poll is retried on the next tick.
      }
    }, 1000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, [done, initial.id, router]);

  const percent = progress.totalRows ? Math.floor((progress.processedRows / progress.totalRows) * 100) : done ? 100 : 0;
  return (
    <div className="space-y-3">
      <p className="text-sm font-medium" role="status" aria-live="polite">
        {STATUS_LABELS[progress.status]}
        {progress.status === "FAILED" && progress.failureReason ? `: ${progress.failureReason}` : ""}
      </p>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% — ${n.format(progress.processedRows)} of ${n.format(progress.totalRows)} rows`}
        className="h-3 w-full overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <dl className="grid grid-cols-2 gap-3 text-sm sm:grid-cols-5">
        <Stat label="Rows processed" value={`${n.format(progress.processedRows)} / ${n.format(progress.totalRows)}`} testId="import-processed" />
        <Stat label="Created" value={n.format(progress.createdRows)} testId="import-created" />
        <Stat label="Updated" value={n.format(progress.updatedRows)} testId="import-updated" />
        <Stat label="Rows with errors" value={n.format(progress.failedRows)} testId="import-failed" />
        <Stat label="Progress" value={`${percent}%`} testId="import-percent" />
      </dl>
    </div>
  );
}

function Stat({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 ring-1 ring-slate-200">
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-semibold" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

"use client";

import type { UploadProgressValue } from "./post-upload";

const megabytes = new Intl.NumberFormat("en", { maximumFractionDigits: 1 });
const mb = (bytes: number) => `${megabytes.format(bytes / (1024 * 1024))} MB`;

/**
 * How much of an upload has been sent: a progress bar with its value in words for screen readers, and a line of text
 * that says when the server is working on the file after the last byte. Nothing is announced on every step (that
 * would drown a screen reader); the form's own status message announces the outcome.
 */
export function UploadProgress({ label, progress }: { label: string; progress: UploadProgressValue | null }) {
  if (!progress) return null;
  const percent = progress.total ? Math.min(100, Math.floor((progress.loaded / progress.total) * 100)) : 0;
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}% — ${mb(progress.loaded)} of ${mb(progress.total)}`}
        className="h-2 w-full max-w-md overflow-hidden rounded-full bg-slate-200"
      >
        <div className="h-full rounded-full bg-brand-600 transition-all" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-600">
        {percent < 100 ? `Uploading… ${mb(progress.loaded)} of ${mb(progress.total)}` : "Uploaded. Reading the file on the server…"}
      </p>
    </div>
  );
}

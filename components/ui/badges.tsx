import { STAGE_LABELS, type Stage } from "@/lib/schemas/candidate";

const BAND_STYLES: Record<string, string> = {
  CLEAR: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  LOW: "bg-sky-50 text-sky-800 ring-sky-200",
  ELEVATED: "bg-amber-50 text-amber-900 ring-amber-300",
  HIGH: "bg-orange-100 text-orange-900 ring-orange-300",
  CRITICAL: "bg-red-100 text-red-900 ring-red-300",
};

export function BandBadge({ band, score }: { band: string | null; score?: number | null }) {
  if (!band) return <span className="text-xs text-slate-500">Not screened</span>;
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${BAND_STYLES[band] ?? "bg-slate-100 text-slate-800 ring-slate-300"}`}>
      {band.charAt(0) + band.slice(1).toLowerCase()}
      {score !== undefined && score !== null ? <span className="font-normal">· {score}</span> : null}
    </span>
  );
}

export function StageBadge({ stage }: { stage: string }) {
  return (
    <span className="inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700 ring-1 ring-slate-200">
      {STAGE_LABELS[stage as Stage] ?? stage}
    </span>
  );
}

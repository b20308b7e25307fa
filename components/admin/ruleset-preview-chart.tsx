"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BandCountsView = Record<"CLEAR" | "LOW" | "ELEVATED" | "HIGH" | "CRITICAL", number>;

const BAND_ORDER = ["CLEAR", "LOW", "ELEVATED", "HIGH", "CRITICAL"] as const;
const label = (band: string) => band.charAt(0) + band.slice(1).toLowerCase();

/**
 * Candidates per band now and under the previewed version, side by side. Decorative for screen readers: the panel
 * states the same numbers in its band table.
 */
export function RulesetPreviewChart({ before, after, version, beforeLabel = "Now" }: { before: BandCountsView; after: BandCountsView; version: number; beforeLabel?: string }) {
  const data = BAND_ORDER.map((band) => ({ band: label(band), now: before[band], draft: after[band] }));
  return (
    <div className="h-56 w-full" aria-hidden="true">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="band" fontSize={12} />
          <YAxis allowDecimals={false} fontSize={12} width={48} />
          <Tooltip />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="now" name={beforeLabel} fill="#94a3b8" isAnimationActive={false} />
          <Bar dataKey="draft" name={`With version ${version}`} fill="#2456d6" isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ScreeningPoint } from "./types";

/** Score across screenings, with the band thresholds as reference lines. A table follows for screen readers. */
export function ScoreHistoryChart({ points, thresholds }: { points: ScreeningPoint[]; thresholds: Record<string, number> }) {
  const data = points.map((p, i) => ({ ...p, n: i + 1, label: `${p.stage.charAt(0)}${p.stage.slice(1).toLowerCase()} · ${p.at.slice(0, 10)}` }));
  return (
    <figure>
      <div className="h-48 w-full" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e2e8f0" />
            <XAxis dataKey="n" tickFormatter={(n: number) => data[n - 1]?.stage.slice(0, 3) ?? ""} fontSize={12} />
            <YAxis domain={[0, 100]} fontSize={12} width={32} />
            {Object.entries(thresholds).map(([band, v]) => (
              <ReferenceLine key={band} y={v} stroke="#cbd5e1" strokeDasharray="4 4" label={{ value: band.toLowerCase(), position: "right", fontSize: 10, fill: "#64748b" }} />
            ))}
            <Tooltip formatter={(v) => [String(v), "Score"]} labelFormatter={(n) => data[Number(n) - 1]?.label ?? ""} />
            <Line type="monotone" dataKey="score" stroke="#2456d6" strokeWidth={2} dot={{ r: 4 }} isAnimationActive={false} />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="sr-only">Score history</figcaption>
      <table className="sr-only">
        <caption>Score history by screening</caption>
        <thead>
          <tr>
            <th>When</th>
            <th>Stage</th>
            <th>Score</th>
            <th>Band</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.id}>
              <td>{p.at}</td>
              <td>{p.stage}</td>
              <td>{p.score}</td>
              <td>{p.band}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

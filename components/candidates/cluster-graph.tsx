"use client";

import { useEffect, useRef, useState } from "react";

export type ClusterGraphView = {
  rootId: string;
  candidates: { id: string; fullName: string; band: string | null; hop: number }[];
  links: { key: string; kind: string; kindLabel: string; display: string; candidateIds: string[] }[];
};

const BAND_COLOURS: Record<string, string> = { CRITICAL: "#b91c1c", HIGH: "#dc2626", ELEVATED: "#d97706", LOW: "#64748b", CLEAR: "#16a34a" };

/**
 * The cluster as a graph: candidates (circles, coloured by band) and the identifiers they share (diamonds), laid out
 * by cytoscape's force-directed "cose" layout. Decorative for screen readers — the table beside it carries the same
 * data — but a node can be activated with a click to open that candidate.
 */
export function ClusterGraph({ cluster }: { cluster: ClusterGraphView }) {
  const container = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let destroyed = false;
    let instance: { destroy: () => void } | null = null;
    void import("cytoscape").then(({ default: cytoscape }) => {
      if (destroyed || !container.current) return;
      const elements = [
        ...cluster.candidates.map((c) => ({
          data: { id: `c:${c.id}`, label: c.fullName, colour: BAND_COLOURS[c.band ?? ""] ?? "#94a3b8", root: c.id === cluster.rootId ? 1 : 0, href: `/candidates/${c.id}` },
          classes: "candidate",
        })),
        ...cluster.links.map((l) => ({ data: { id: `v:${l.key}`, label: `${l.kindLabel}: ${l.display}` }, classes: "value" })),
        ...cluster.links.flatMap((l) => l.candidateIds.map((id) => ({ data: { id: `e:${l.key}:${id}`, source: `v:${l.key}`, target: `c:${id}` } }))),
      ];
      const cy = cytoscape({
        container: container.current,
        elements,
        layout: { name: "cose", animate: false, randomize: false, nodeRepulsion: () => 9000, idealEdgeLength: () => 70 },
        style: [
          { selector: "node.candidate", style: { "background-color": "data(colour)", label: "data(label)", "font-size": 10, width: 22, height: 22, "text-valign": "bottom", "text-margin-y": 3 } },
          { selector: "node.candidate[root = 1]", style: { "border-width": 4, "border-color": "#1e3a8a", width: 30, height: 30 } },
          { selector: "node.value", style: { shape: "diamond", "background-color": "#e2e8f0", "border-color": "#475569", "border-width": 1, label: "data(label)", "font-size": 8, width: 14, height: 14, color: "#334155" } },
          { selector: "edge", style: { width: 1.5, "line-color": "#94a3b8" } },
        ],
        userZoomingEnabled: true,
        boxSelectionEnabled: false,
      });
      cy.on("tap", "node.candidate", (event) => {
        const href = event.target.data("href") as string;
        if (href) window.location.assign(href);
      });
      instance = cy;
      setReady(true);
    });
    return () => {
      destroyed = true;
      instance?.destroy();
    };
  }, [cluster]);

  return (
    <figure className="space-y-1">
      <div ref={container} aria-hidden="true" data-testid="cluster-graph" data-ready={ready ? "true" : "false"} className="h-80 w-full rounded-lg bg-slate-50 ring-1 ring-slate-200" />
      <figcaption className="text-xs text-slate-500">
        Circles are applicants (coloured by band, the one you are looking at outlined); diamonds are what they share. The table holds the same data.
      </figcaption>
    </figure>
  );
}

import Link from "next/link";
import { BandBadge } from "@/components/ui/badges";
import { CLUSTER_KIND_LABELS, type CandidateCluster } from "@/lib/cluster";
import { ClusterGraph } from "./cluster-graph";

/**
 * A candidate's cluster for security reviewers: the graph (cytoscape) and, beside it, the same data as tables a
 * keyboard and a screen reader can use — who is in the cluster, at which hop, and what each link shares.
 */
export function ClusterSection({ cluster }: { cluster: CandidateCluster }) {
  const names = new Map(cluster.candidates.map((c) => [c.id, c]));
  const others = cluster.candidates.length - 1;
  return (
    <section aria-labelledby="cluster-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h2 id="cluster-heading" className="text-base font-semibold">
        Cluster (two hops)
      </h2>
      <p className="mt-1 text-sm text-slate-600" data-testid="cluster-summary">
        {others === 0
          ? "No other applicant shares a phone, email, address, ship-to, device, IP, bank account or ID number with this one."
          : `${others} other applicant${others === 1 ? "" : "s"} within two hops, through ${cluster.links.length} shared identifier${cluster.links.length === 1 ? "" : "s"}.`}
        {cluster.truncated ? " The cluster is larger than shown (cut at 150 applicants)." : ""}
      </p>
      {others > 0 ? (
        <div className="mt-4 grid gap-6 xl:grid-cols-2">
          <ClusterGraph
            cluster={{
              rootId: cluster.rootId,
              candidates: cluster.candidates.map((c) => ({ id: c.id, fullName: c.fullName, band: c.band, hop: c.hop })),
              links: cluster.links.map((l) => ({ ...l, kindLabel: CLUSTER_KIND_LABELS[l.kind] })),
            }}
          />
          <div className="space-y-4 overflow-x-auto">
            <table className="min-w-full text-sm">
              <caption className="pb-2 text-left text-sm font-semibold text-slate-800">What is shared, and by whom</caption>
              <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="py-1 pr-3">Shared</th>
                  <th scope="col" className="py-1">Applicants</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {cluster.links.map((l) => (
                  <tr key={l.key}>
                    <th scope="row" className="py-2 pr-3 text-left align-top font-normal">
                      <span className="font-medium">{CLUSTER_KIND_LABELS[l.kind]}</span>
                      <span className="block break-all text-xs text-slate-600">{l.display}</span>
                    </th>
                    <td className="py-2">
                      <ul className="space-y-1">
                        {l.candidateIds.map((id) => {
                          const c = names.get(id)!;
                          return (
                            <li key={id} className="flex flex-wrap items-center gap-2">
                              {id === cluster.rootId ? <span className="font-medium">{c.fullName} (this applicant)</span> : <Link className="text-brand-700 underline" href={`/candidates/${id}`}>{c.fullName}</Link>}
                              <BandBadge band={c.band} score={c.score} />
                              {c.hop === 2 ? <span className="text-xs text-slate-500">2 hops away</span> : null}
                            </li>
                          );
                        })}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {cluster.tooCommon.length ? (
              <p className="text-xs text-slate-600">
                Not followed (shared by too many applicants to mean much alone):{" "}
                {cluster.tooCommon.map((t) => `${CLUSTER_KIND_LABELS[t.kind]} ${t.display} (${t.candidateCount}+)`).join("; ")}.
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
    </section>
  );
}

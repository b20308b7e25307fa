// Shared by lib/server (the cluster query) and components (the graph and its table): pure data, no server imports.

/** Identifier kinds that link people (employer names are recurring, not shared identity). */
export const CLUSTER_KINDS = ["BANK", "GOV_ID", "DEVICE", "PHONE", "EMAIL", "ADDRESS", "SHIP_TO", "IP"] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];

export const CLUSTER_KIND_LABELS: Record<ClusterKind, string> = {
  BANK: "Bank account",
  GOV_ID: "ID number",
  DEVICE: "Device",
  PHONE: "Phone",
  EMAIL: "Email",
  ADDRESS: "Home address",
  SHIP_TO: "Ship-to address",
  IP: "IP address",
};

export type ClusterCandidate = { id: string; fullName: string; stage: string; band: string | null; score: number | null; hop: 0 | 1 | 2 };

/** One shared identifier and everyone in the cluster who presented it: an edge of the (bipartite) graph. */
export type ClusterLink = { key: string; kind: ClusterKind; display: string; candidateIds: string[] };

export type CandidateCluster = {
  rootId: string;
  candidates: ClusterCandidate[];
  links: ClusterLink[];
  /** Values shared by more than the fan-out limit (a carrier NAT, an office): listed, not followed. */
  tooCommon: { kind: ClusterKind; display: string; candidateCount: number }[];
  /** The cluster was cut at its size limit. */
  truncated: boolean;
};

// Narrow DTOs the candidate page passes to client components (never Prisma rows).

export type HitView = {
  ruleId: string;
  indicatorIds: readonly string[];
  category: string;
  severity: "H" | "M" | "L";
  title: string;
  summary: string;
  evidence: { label: string; value: string }[];
  contribution: number;
  /** Engine-2 screenings: scheme-specific (counts alone) or common (needs corroboration); absent before engine 2. */
  specific?: boolean;
  source: readonly string[];
  innocentExplanations: readonly string[];
  verificationStep: { id: string; text: string };
};

export type ScreeningPoint = { id: string; at: string; stage: string; score: number; band: string };

export type LinkView = {
  kind: string;
  display: string;
  others: { id: string; fullName: string; email?: string | null }[];
  otherNamesDiffer?: boolean;
};

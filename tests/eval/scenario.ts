// The labelled evaluation set (tests/eval/README.md): what a scenario is, and small helpers to write one.
import type { CandidateSubmissionInput } from "@/lib/schemas/profile";

export type Submission = CandidateSubmissionInput;
export type Profile = Submission["profile"];

export type Scenario = {
  /** Unique, kebab-case, starting with "fraud-" or "innocent-". */
  id: string;
  /** What a reviewer should conclude: fraud → HIGH or CRITICAL; innocent → CLEAR or LOW. */
  expected: "fraud" | "innocent";
  title: string;
  /** Where the pattern comes from (fraud: advisory or case; innocent: the everyday situation it mirrors). */
  sources: string[];
  /** The case as an outsider would tell it, and what the recruiter knows at this stage. */
  story: string;
  /** Applicants submitted before this one, in order (linkage scenarios); they are not scored. */
  priorApplicants?: Submission[];
  /** The applicant being judged, in the body format of POST /api/v1/candidates. */
  submission: Submission;
  /**
   * A known limit of the product, kept visible instead of deleted: the scenario is what its label says, but the
   * product deliberately does not reach the passing band on this evidence, for the stated reason (an ADR). Reported
   * in its own section; not counted as a pass or a failure. Use sparingly — every limit is a miss users can hit.
   */
  limit?: { reason: string };
};

/**
 * ISO timestamps over consecutive days from `firstDay` (YYYY-MM-DD), one per entry of `utcTimes` ("HH:MM") per
 * day, for `days` days: messages, logins and calls as an ATS records them.
 */
export function activity(firstDay: string, days: number, utcTimes: string[]): string[] {
  const out: string[] = [];
  const start = Date.parse(`${firstDay}T00:00:00Z`);
  for (let d = 0; d < days; d++) {
    const day = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    for (const t of utcTimes) out.push(`${day}T${t}:00Z`);
  }
  return out;
}

/** A long, plain résumé text (near-duplicate detection needs more than a sentence). */
export function resumeText(opening: string, body: string[]): string {
  return [opening, ...body].join(" ");
}

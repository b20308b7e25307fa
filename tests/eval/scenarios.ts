// Every scenario of the labelled evaluation, and the checks that keep the set sound: ids unique, sources cited,
// every body valid for POST /api/v1/candidates, and no identifier shared between scenarios (so one scenario can
// never link to another's applicants and borrow its evidence — only to its own `priorApplicants`).
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import { toIdentifierRows } from "@/lib/server/linkage/linkage-input";
import { FRAUD_SCENARIOS } from "./fraud-scenarios";
import { INNOCENT_SCENARIOS } from "./innocent-scenarios";
import type { Scenario, Submission } from "./scenario";

export type { Scenario } from "./scenario";

export const SCENARIOS: readonly Scenario[] = [...FRAUD_SCENARIOS, ...INNOCENT_SCENARIOS];

/** Linkage keys of one submission, normalised exactly as the screening's linkage step normalises them. */
function identifierKeys(submission: Submission): string[] {
  const p = submission.profile;
  const c = p.candidate;
  const equipment = p.onboarding?.equipment;
  const rows = toIdentifierRows({
    emails: c?.email ? [c.email] : [],
    phones: c?.phone ? [{ number: c.phone, claimedCountry: c.claimedLocation?.country ?? null }] : [],
    addresses: c?.homeAddress ? [c.homeAddress] : [],
    shipTo: [equipment?.shipTo, ...(equipment?.shipToChanges ?? []).map((ch) => ch.to)].filter((a) => a != null),
    deviceFingerprints: p.observations?.deviceFingerprints ?? [],
    ips: (p.observations?.ips ?? []).map((o) => String(o.ip)),
    bankAccounts: [],
    govIds: [],
    employers: (p.workHistory ?? []).map((j) => j.employerName),
  });
  const keys = rows.map((r) => `${r.kind}:${r.value}`);
  for (const n of p.observations?.bankAccountNumbers ?? []) keys.push(`BANK:${n.replace(/\W/g, "")}`);
  for (const n of p.observations?.governmentIdNumbers ?? []) keys.push(`GOV_ID:${n.replace(/\W/g, "")}`);
  if (p.observations?.resumeText) keys.push(`RESUME:${p.observations.resumeText.trim()}`);
  return keys;
}

/** Problems with the scenario set, as readable lines; empty when it is sound. */
export function checkScenarios(scenarios: readonly Scenario[] = SCENARIOS): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const s of scenarios) {
    if (ids.has(s.id)) problems.push(`${s.id}: duplicate id`);
    ids.add(s.id);
    if (!s.id.startsWith(`${s.expected}-`)) problems.push(`${s.id}: id must start with "${s.expected}-"`);
    if (s.sources.length === 0 || s.sources.some((src) => !src.trim())) problems.push(`${s.id}: cite at least one source`);
    if (!s.story.trim()) problems.push(`${s.id}: tell the story`);
    const bodies = [...(s.priorApplicants ?? []), s.submission];
    bodies.forEach((body, i) => {
      const parsed = candidateSubmissionSchema.safeParse(body);
      const which = i < bodies.length - 1 ? `priorApplicants[${i}]` : "submission";
      if (!parsed.success) for (const issue of parsed.error.issues) problems.push(`${s.id} ${which}: ${issue.path.join(".") || "(body)"}: ${issue.message}`);
    });
    const mine = new Set(bodies.flatMap(identifierKeys));
    for (const key of mine) {
      const other = owner.get(key);
      if (other && other !== s.id) problems.push(`${s.id}: ${key.slice(0, 80)} is also used by ${other} (scenarios must not link to each other)`);
      else owner.set(key, s.id);
    }
  }
  return problems;
}

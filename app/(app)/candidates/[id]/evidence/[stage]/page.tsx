import type { Metadata } from "next";
import Link from "next/link";
import { randomUUID } from "node:crypto";
import { notFound } from "next/navigation";
import { StageForm } from "@/components/intake/stage-form";
import { COUNTRY_OPTIONS } from "@/lib/countries";
import { isAppError } from "@/lib/errors";
import { INTAKE_STAGE_KEYS, STAGE_FORMS, type IntakeStageKey } from "@/lib/intake/stage-fields";
import { STAGE_LABELS, STAGES } from "@/lib/schemas/candidate";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { getCandidate } from "@/lib/server/candidates/get-candidate";
import { getRequestMeta } from "@/lib/server/request-meta";
import { submitStageEvidenceAction } from "./actions";

export const metadata: Metadata = { title: "Add evidence" };

const IP_CONTEXT = { APPLICATION: "application", INTERVIEW: "interview", ONBOARDING: "onboarding" } as const;

export default async function StageEvidencePage({ params }: { params: Promise<{ id: string; stage: string }> }) {
  const { id, stage } = await params;
  const stageKey = stage.toUpperCase() as IntakeStageKey;
  if (!INTAKE_STAGE_KEYS.includes(stageKey)) notFound();
  const actor = await requirePageActor("candidates.update", `/candidates/${id}/evidence/${stage}`);
  let data;
  try {
    data = await getCandidate({ actor, candidateId: id, meta: await getRequestMeta() });
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { candidate } = data;
  const form = STAGE_FORMS[stageKey];
  // The stage never moves backwards by itself: editing application evidence of a hired person keeps them hired.
  const current = STAGES.indexOf(candidate.stage);
  const defaultStage = STAGES[Math.max(current, STAGES.indexOf(form.stage))];
  const { observations, ...rest } = candidate.profile;
  const initial = { ...rest, observations: observations ? { ...observations, bankAccounts: undefined, governmentIds: undefined } : undefined };
  return (
    <div className="space-y-6">
      <Link href={`/candidates/${candidate.id}`} className="text-sm font-semibold text-brand-600 hover:underline">
        ← {candidate.fullName}
      </Link>
      <div>
        <h1 className="text-2xl font-bold">{form.title} evidence</h1>
        <p className="mt-1 text-sm text-slate-600">
          Record what this stage showed. Every save is screened again and kept in the history. We never ask for nationality, citizenship, ethnicity,
          languages or other protected traits.
        </p>
        <nav aria-label="Stages" className="mt-3 flex gap-2">
          {INTAKE_STAGE_KEYS.map((k) => (
            <Link
              key={k}
              href={`/candidates/${candidate.id}/evidence/${k.toLowerCase()}`}
              aria-current={k === stageKey ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${k === stageKey ? "bg-brand-50 text-brand-700" : "text-slate-600 ring-1 ring-slate-300 hover:bg-slate-50"}`}
            >
              {STAGE_FORMS[k].title}
            </Link>
          ))}
        </nav>
      </div>
      <StageForm
        action={submitStageEvidenceAction}
        candidateId={candidate.id}
        stageKey={stageKey}
        sections={form.sections}
        initial={JSON.parse(JSON.stringify(initial))}
        stageOptions={STAGES.map((s) => ({ value: s, label: STAGE_LABELS[s] }))}
        defaultStage={defaultStage}
        idempotencyKey={randomUUID()}
        version={candidate.updatedAt.toISOString()}
        countries={COUNTRY_OPTIONS}
        ipContext={IP_CONTEXT[stageKey]}
      />
    </div>
  );
}

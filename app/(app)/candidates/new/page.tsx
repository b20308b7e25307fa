import type { Metadata } from "next";
import { randomUUID } from "node:crypto";
import { CandidateCreateForm } from "@/components/forms/candidate-create-form";
import { COUNTRY_OPTIONS } from "@/lib/countries";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { createCandidateAction } from "../actions";

export const metadata: Metadata = { title: "New candidate" };

export default async function NewCandidatePage() {
  await requirePageActor("candidates.create", "/candidates/new");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-bold">New candidate</h1>
        <p className="mt-1 text-sm text-slate-600">Start with what the application shows. Evidence from later stages is added on the candidate&apos;s page.</p>
      </div>
      <div className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        {/* A fresh key per rendered form: submitting the same form twice creates one candidate. */}
        <CandidateCreateForm action={createCandidateAction} idempotencyKey={randomUUID()} countries={COUNTRY_OPTIONS} />
      </div>
    </div>
  );
}

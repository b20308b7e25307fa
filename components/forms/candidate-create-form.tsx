"use client";

import { useActionState } from "react";
import type { ActionResult } from "@/lib/errors";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Props<T> = {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  idempotencyKey: string;
  countries: readonly { code: string; name: string }[];
};

export function CandidateCreateForm<T>({ action, idempotencyKey, countries }: Props<T>) {
  const [state, formAction] = useActionState(action, null);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors;
  // After a validation error the draft comes back from the server, so nothing typed is lost.
  const v = failed?.values ?? {};
  return (
    <form action={formAction} className="space-y-6" noValidate aria-describedby="candidate-form-help">
      <p id="candidate-form-help" className="text-sm text-slate-600">
        Fields marked * are required. We never ask for nationality, citizenship, ethnicity, languages or other protected traits.
      </p>
      <FormMessage state={state} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Identity and contact</legend>
        <div className="sm:col-span-2">
          <TextField key={`fullName-${v.fullName}`} name="fullName" label="Full legal name" required autoComplete="off" defaultValue={v.fullName} errors={errors?.fullName} />
        </div>
        <TextField key={`email-${v.email}`} name="email" label="Email" type="email" required autoComplete="off" defaultValue={v.email} errors={errors?.email} />
        <TextField key={`phone-${v.phone}`} name="phone" label="Phone" type="tel" autoComplete="off" hint="Include the country code, e.g. +1 415 555 0100" defaultValue={v.phone} errors={errors?.phone} />
      </fieldset>
      <fieldset className="grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-sm font-semibold text-slate-900">Claimed work location</legend>
        <TextField key={`city-${v.claimedCity}`} name="claimedCity" label="City" defaultValue={v.claimedCity} errors={errors?.claimedCity} />
        <TextField key={`region-${v.claimedRegion}`} name="claimedRegion" label="State / region" defaultValue={v.claimedRegion} errors={errors?.claimedRegion} />
        <SelectField
          key={`country-${v.claimedCountry}`}
          name="claimedCountry"
          label="Country"
          placeholder="Choose…"
          defaultValue={v.claimedCountry ?? ""}
          options={countries.map((c) => ({ value: c.code, label: c.name }))}
          errors={errors?.claimedCountry}
        />
      </fieldset>
      <div className="flex items-center gap-3">
        <SubmitButton pendingLabel="Saving…">Create candidate</SubmitButton>
      </div>
    </form>
  );
}

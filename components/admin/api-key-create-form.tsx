"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

export type CreatedApiKeyDto = { name: string; prefix: string; key: string };

type Props = { action: (prev: ActionResult<CreatedApiKeyDto> | null, formData: FormData) => Promise<ActionResult<CreatedApiKeyDto>> };

export function ApiKeyCreateForm({ action }: Props) {
  const { state, formAction, formRef, errors, values: v } = useFormAction(action);
  return (
    <div className="space-y-4">
      {state?.ok ? <NewKeyNotice created={state.data} /> : null}
      <form ref={formRef} action={formAction} className="space-y-4" noValidate aria-label="Create API key">
        {state?.ok ? null : <FormMessage state={state} />}
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField key={`n-${v.name}`} name="name" label="Name" required defaultValue={v.name} errors={errors?.name} hint="Who or what uses it, e.g. “Greenhouse sync”." autoComplete="off" />
          <SelectField
            key={`r-${v.role}`}
            name="role"
            label="Role"
            required
            defaultValue={v.role ?? "RECRUITER"}
            options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            hint="The key can do what this role can, never more than you can. Recruiter is enough to submit and read candidates. No key can manage users or keys."
            errors={errors?.role}
          />
          <SelectField
            key={`e-${v.expiresInDays}`}
            name="expiresInDays"
            label="Expires"
            required
            defaultValue={v.expiresInDays ?? "365"}
            options={[
              { value: "30", label: "In 30 days" },
              { value: "90", label: "In 90 days" },
              { value: "365", label: "In a year" },
              { value: "never", label: "Never (revoke it by hand)" },
            ]}
            hint="After this date the key is refused; create a new one before then."
            errors={errors?.expiresInDays}
          />
        </div>
        <SubmitButton pendingLabel="Creating…">Create key</SubmitButton>
      </form>
    </div>
  );
}

function NewKeyNotice({ created }: { created: CreatedApiKeyDto }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(created.key);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div role="status" className="space-y-2 rounded-md bg-amber-50 p-4 text-sm text-amber-950 ring-1 ring-amber-300">
      <p className="font-semibold">Key “{created.name}” created. Copy it now: you won&apos;t see it again.</p>
      <p>We store only a hash of it. If it is lost, revoke it and create a new one.</p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="new-api-key" className="sr-only">
          New API key
        </label>
        <input
          id="new-api-key"
          readOnly
          value={created.key}
          data-testid="new-api-key"
          onFocus={(e) => e.currentTarget.select()}
          className="w-full max-w-md rounded-md border border-amber-300 bg-white px-3 py-2 font-mono text-sm sm:w-auto sm:flex-1"
        />
        <button type="button" onClick={copy} className="rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50">
          Copy
        </button>
        <span aria-live="polite" className="text-xs">
          {copied === "copied" ? "Copied." : copied === "failed" ? "Copy failed: select the key and copy it by hand." : ""}
        </span>
      </div>
    </div>
  );
}

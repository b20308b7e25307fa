"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";
import { ROLE_LABELS, ROLES } from "@/lib/permissions";
import { SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";

type Props<T extends { email: string }> = { action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> };

export function UserCreateForm<T extends { email: string }>({ action }: Props<T>) {
  const { state, formAction, formRef, errors, values: v } = useFormAction(action);
  return (
    <form ref={formRef} action={formAction} className="space-y-4" noValidate aria-label="Create user">
      <FormMessage state={state} success={state?.ok ? `User ${state.data.email} created.` : undefined} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField key={`n-${v.name}`} name="name" label="Name" required defaultValue={v.name} errors={errors?.name} autoComplete="off" />
        <TextField key={`e-${v.email}`} name="email" label="Email" type="email" required defaultValue={v.email} errors={errors?.email} autoComplete="off" />
        <SelectField key={`r-${v.role}`} name="role" label="Role" required defaultValue={v.role ?? "RECRUITER"} options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} errors={errors?.role} />
        <TextField name="password" label="Initial password" type="password" required hint="At least 12 characters. Share it securely." errors={errors?.password} autoComplete="new-password" />
      </div>
      <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
    </form>
  );
}

"use client";

import { useActionState, useId } from "react";
import type { ActionResult } from "@/lib/errors";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/permissions";
import { SubmitButton } from "@/components/ui/submit-button";

type Action<T> = (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

type Props<A, B, C> = {
  user: { id: string; email: string; role: Role; disabled: boolean };
  isSelf: boolean;
  changeRole: Action<A>;
  setDisabled: Action<B>;
  resetPassword: Action<C>;
};

function InlineResult<T>({ state, success }: { state: ActionResult<T> | null; success: string }) {
  if (!state) return null;
  const message = state.ok ? success : [state.message, ...Object.values(state.fieldErrors ?? {}).flat()].join(" ");
  return (
    <p role={state.ok ? "status" : "alert"} className={`text-xs ${state.ok ? "text-emerald-700" : "text-red-700"}`}>
      {message}
    </p>
  );
}

export function UserRowControls<A, B, C>({ user, isSelf, changeRole, setDisabled, resetPassword }: Props<A, B, C>) {
  const [roleState, roleAction] = useActionState(changeRole, null);
  const [disabledState, disabledAction] = useActionState(setDisabled, null);
  const [passwordState, passwordAction] = useActionState(resetPassword, null);
  const id = useId();
  return (
    <div className="flex flex-wrap items-start gap-4">
      <form action={roleAction} className="space-y-1">
        <input type="hidden" name="userId" value={user.id} />
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-role`} className="sr-only">
            Role for {user.email}
          </label>
          <select id={`${id}-role`} name="role" defaultValue={user.role} disabled={isSelf} className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          {isSelf ? null : <SubmitButton variant="secondary" pendingLabel="Saving…">Save role</SubmitButton>}
        </div>
        <InlineResult state={roleState} success="Role saved." />
      </form>
      {isSelf ? null : (
        <form action={disabledAction} className="space-y-1">
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <SubmitButton variant={user.disabled ? "secondary" : "danger"} pendingLabel="Saving…">
            {user.disabled ? "Enable" : "Disable"}
          </SubmitButton>
          <InlineResult state={disabledState} success={user.disabled ? "User disabled." : "User enabled."} />
        </form>
      )}
      <form action={passwordAction} className="space-y-1">
        <input type="hidden" name="userId" value={user.id} />
        <div className="flex items-center gap-2">
          <label htmlFor={`${id}-pw`} className="sr-only">
            New password for {user.email}
          </label>
          <input id={`${id}-pw`} name="password" type="password" placeholder="New password" autoComplete="new-password" className="w-40 rounded-md border border-slate-300 px-2 py-1.5 text-sm" />
          <SubmitButton variant="secondary" pendingLabel="Resetting…">Reset password</SubmitButton>
        </div>
        <InlineResult state={passwordState} success="Password reset; their sessions were ended." />
      </form>
    </div>
  );
}

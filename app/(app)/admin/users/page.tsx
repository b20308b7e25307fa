import type { Metadata } from "next";
import { UserCreateForm } from "@/components/admin/user-create-form";
import { UserRowControls } from "@/components/admin/user-row-controls";
import { ROLE_LABELS } from "@/lib/permissions";
import { requirePageActor } from "@/lib/server/auth/page-guard";
import { listUsers } from "@/lib/server/users/list-users";
import { changeUserRoleAction, createUserAction, resetUserPasswordAction, setUserDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

export default async function UsersPage() {
  const actor = await requirePageActor("users.manage", "/admin/users");
  const users = await listUsers({ actor });
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-bold">Users</h1>
        <p className="mt-1 text-sm text-slate-600">Create accounts, set roles, disable access and reset passwords. Every change is audited.</p>
      </div>
      <section aria-labelledby="create-user-heading" className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="create-user-heading" className="mb-4 text-base font-semibold">Add a user</h2>
        <UserCreateForm action={createUserAction} />
      </section>
      <section aria-labelledby="users-heading" className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
        <h2 id="users-heading" className="px-6 pt-6 text-base font-semibold">
          All users <span className="font-normal text-slate-500">({users.length})</span>
        </h2>
        <ul className="mt-4 divide-y divide-slate-100">
          {users.map((u) => (
            <li key={u.id} className="flex flex-col gap-3 px-6 py-4 lg:flex-row lg:items-start lg:justify-between" data-testid={`user-row-${u.email}`}>
              <div className="min-w-0">
                <p className="font-medium">
                  {u.name} {u.disabled ? <span className="ml-1 rounded bg-slate-200 px-1.5 py-0.5 text-xs text-slate-700">Disabled</span> : null}
                </p>
                <p className="text-sm text-slate-600">
                  {u.email} · {ROLE_LABELS[u.role]}
                </p>
                <p className="text-xs text-slate-500">Last sign-in: {u.lastSignInAt ? `${dateFormat.format(u.lastSignInAt)} UTC` : "never"}</p>
              </div>
              <UserRowControls
                user={{ id: u.id, email: u.email, role: u.role, disabled: u.disabled }}
                isSelf={u.id === actor.id}
                changeRole={changeUserRoleAction}
                setDisabled={setUserDisabledAction}
                resetPassword={resetUserPasswordAction}
              />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

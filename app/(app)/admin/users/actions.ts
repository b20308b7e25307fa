"use server";

import { createAction } from "@/lib/server/action-client";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { createUser } from "@/lib/server/users/create-user";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { setUserDisabled } from "@/lib/server/users/set-user-disabled";
import { userCreateSchema, userDisabledSchema, userPasswordResetSchema, userRoleSchema } from "@/lib/schemas/user";

const revalidate = ["/admin/users"];

export const createUserAction = createAction(
  { name: "createUser", permission: "users.manage", schema: userCreateSchema, revalidate },
  async ({ actor, input, meta }) => createUser({ actor, input, meta }),
);

export const changeUserRoleAction = createAction(
  { name: "changeUserRole", permission: "users.manage", schema: userRoleSchema, revalidate },
  async ({ actor, input, meta }) => changeUserRole({ actor, userId: input.userId, role: input.role, meta }),
);

export const setUserDisabledAction = createAction(
  { name: "setUserDisabled", permission: "users.manage", schema: userDisabledSchema, revalidate },
  async ({ actor, input, meta }) => setUserDisabled({ actor, userId: input.userId, disabled: input.disabled, meta }),
);

export const resetUserPasswordAction = createAction(
  { name: "resetUserPassword", permission: "users.manage", schema: userPasswordResetSchema, revalidate },
  async ({ actor, input, meta }) => {
    await resetUserPassword({ actor, userId: input.userId, password: input.password, meta });
    return null;
  },
);

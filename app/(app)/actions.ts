"use server";

import { z } from "zod";
import { createAction } from "@/lib/server/action-client";
import { signOutUser } from "@/lib/server/auth/sign-out-user";

export const signOutAction = createAction({ name: "signOut", permission: "account.self", schema: z.object({}) }, async ({ actor, meta }) => {
  await signOutUser({ actor, meta });
  return null;
});

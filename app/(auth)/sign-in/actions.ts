"use server";

import { createAction } from "@/lib/server/action-client";
import { signInUser } from "@/lib/server/auth/sign-in-user";
import { signInSchema } from "@/lib/schemas/user";

export const signInAction = createAction({ name: "signIn", permission: "public", schema: signInSchema }, async ({ input }) => {
  await signInUser(input);
  return null;
});

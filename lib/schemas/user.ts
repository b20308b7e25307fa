import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { emailField, requiredText, uuidField } from "./common";

export const passwordField = z
  .string({ error: "Password is required" })
  .min(12, "Use at least 12 characters")
  .max(200, "Use at most 200 characters");

export const roleField = z.enum(ROLES, { error: "Choose a role" });

export const userCreateSchema = z.strictObject({
  email: emailField,
  name: requiredText(120, "Name"),
  role: roleField,
  password: passwordField,
});
export type UserCreateInput = z.infer<typeof userCreateSchema>;

export const userRoleSchema = z.strictObject({ userId: uuidField, role: roleField });
export const userDisabledSchema = z.strictObject({
  userId: uuidField,
  disabled: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const userPasswordResetSchema = z.strictObject({ userId: uuidField, password: passwordField });

export const signInSchema = z.strictObject({
  email: emailField,
  password: z.string().min(1, "Password is required").max(200),
  callbackUrl: z.string().max(500).optional(),
});

import "server-only";
import { AppError } from "@/lib/errors";
import type { UserCreateInput } from "@/lib/schemas/user";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { hashPassword } from "../auth/password";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { isUniqueViolation } from "../db/errors";

export type CreateUserOptions = { actor: Actor; input: UserCreateInput; meta?: RequestMeta };

export async function createUser({ actor, input, meta }: CreateUserOptions) {
  assertPermission(actor, "users.manage");
  const passwordHash = await hashPassword(input.password);
  try {
    return await getDb().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, role: input.role, passwordHash },
        select: { id: true, email: true, name: true, role: true },
      });
      await recordAuditEvent(tx, { actorId: actor.id, action: "user.created", subjectType: "User", subjectId: user.id, after: user, meta });
      return user;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "A user with that email already exists.", { fieldErrors: { email: ["A user with that email already exists"] } });
    }
    throw error;
  }
}

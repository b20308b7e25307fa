import "server-only";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { getDb } from "../db";
import type { Actor } from "./authorization";
import { signOut } from "./config";

export async function signOutUser({ actor, meta }: { actor: Actor; meta?: RequestMeta }) {
  await getDb().$transaction((tx) =>
    recordAuditEvent(tx, { actorId: actor.id, action: "auth.signed_out", subjectType: "User", subjectId: actor.id, meta }),
  );
  await signOut({ redirectTo: "/sign-in?signedOut=1" });
}

import { redirect } from "next/navigation";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export default async function Home() {
  // Signed-in people go to the candidate list; anyone else (a stale or revoked cookie too) to sign-in.
  await requirePageActor();
  redirect("/candidates");
}

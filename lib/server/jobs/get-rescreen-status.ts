import "server-only";
import type { Permission } from "@/lib/permissions";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import type { RescreenReason } from "./enqueue-rescreen";

export type RescreenStatus = {
  id: string;
  reason: RescreenReason;
  subjectId: string;
  status: "DRAFT" | "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED" | "CANCELLED";
  total: number;
  processed: number;
  failed: number;
  createdAt: Date;
  finishedAt: Date | null;
};

const PERMISSION: Record<RescreenReason, Permission> = { SANCTIONS_LIST: "sanctions.manage", RULESET: "rulesets.manage" };

/** The latest re-screen for a reason (the admin pages show its progress), or null when there has been none. */
export async function getRescreenStatus({ actor, reason }: { actor: Actor; reason: RescreenReason }): Promise<RescreenStatus | null> {
  assertPermission(actor, PERMISSION[reason]);
  return getDb().rescreenJob.findFirst({
    where: { reason },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, reason: true, subjectId: true, status: true, total: true, processed: true, failed: true, createdAt: true, finishedAt: true },
  });
}

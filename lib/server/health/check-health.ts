import "server-only";
import { getDb } from "../db";
import type { PrismaClient } from "../db/generated/client";

export type HealthReport = {
  status: "ok" | "degraded";
  app: { status: "up"; uptimeSeconds: number };
  database: { status: "up" | "down"; latencyMs: number | null; error?: string };
};

/** Liveness of the app and its database; the database probe gives up after `timeoutMs`. */
export async function checkHealth({ timeoutMs = 2000, db }: { timeoutMs?: number; db?: PrismaClient } = {}): Promise<HealthReport> {
  const app = { status: "up" as const, uptimeSeconds: Math.round(process.uptime()) };
  const started = performance.now();
  try {
    await Promise.race([
      (db ?? getDb()).$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs).unref()),
    ]);
    return { status: "ok", app, database: { status: "up", latencyMs: Math.round(performance.now() - started) } };
  } catch (error) {
    // The reason is safe to show (no connection string) and tells an operator where to look.
    const reason = error instanceof Error && error.message === "timed out" ? "timed out" : "unreachable";
    return { status: "degraded", app, database: { status: "down", latencyMs: null, error: reason } };
  }
}

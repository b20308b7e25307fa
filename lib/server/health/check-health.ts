import "server-only";
import { getDb } from "../db";
import type { PrismaClient } from "../db/generated/client";
import { loadEnrichmentData } from "../screening/enrichment-data";

export type DataSourceHealth = {
  source: string;
  label: string;
  status: "loaded" | "missing";
  /** npm package version of the data (ip-location-db encodes the data date in it), when it came from a package. */
  version: string | null;
  /** Build date of the data (MMDB metadata) or the file date of a replacement file. */
  date: string | null;
  rows: number | null;
  error?: string;
};

export type HealthReport = {
  /** "ok": ready to screen. "degraded": the database is unreachable or a data source is missing (answered as 503). */
  status: "ok" | "degraded";
  app: { status: "up"; uptimeSeconds: number };
  database: { status: "up" | "down"; latencyMs: number | null; error?: string };
  /** The offline data screening depends on, each with its version or date. */
  data: { status: "loaded" | "missing"; sources: DataSourceHealth[] };
};

/**
 * Readiness of the app: its database (the probe gives up after `timeoutMs`) and every enrichment data file. Data
 * paths are shown (they are package paths, not secrets); error texts are the file-system's, never a connection string.
 */
export async function checkHealth({ timeoutMs = 2000, db }: { timeoutMs?: number; db?: PrismaClient } = {}): Promise<HealthReport> {
  const app = { status: "up" as const, uptimeSeconds: Math.round(process.uptime()) };
  const sources: DataSourceHealth[] = loadEnrichmentData().report.map((r) => ({
    source: `ip.${r.source}`,
    label: r.label,
    status: r.loaded ? "loaded" : "missing",
    version: r.packageVersion,
    date: r.dataDate,
    rows: r.rows,
    ...(r.error ? { error: r.error } : {}),
  }));
  const data = { status: sources.every((s) => s.status === "loaded") ? ("loaded" as const) : ("missing" as const), sources };
  const started = performance.now();
  let database: HealthReport["database"];
  try {
    await Promise.race([
      (db ?? getDb()).$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), timeoutMs).unref()),
    ]);
    database = { status: "up", latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The reason is safe to show (no connection string) and tells an operator where to look.
    const reason = error instanceof Error && error.message === "timed out" ? "timed out" : "unreachable";
    database = { status: "down", latencyMs: null, error: reason };
  }
  const status = database.status === "up" && data.status === "loaded" ? "ok" : "degraded";
  return { status, app, database, data };
}

import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/health/check-health";

// Public on purpose (load balancers, uptime checks): it reveals only up/down and latency.
export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, { status: report.database.status === "up" ? 200 : 503, headers: { "cache-control": "no-store" } });
}

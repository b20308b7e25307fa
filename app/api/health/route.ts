import { NextResponse } from "next/server";
import { checkHealth } from "@/lib/server/health/check-health";

// Public on purpose (load balancers, uptime checks): readiness of the database and of the offline data files, with
// their versions. 503 when either is missing, so a process that cannot screen properly is taken out of rotation.
export const dynamic = "force-dynamic";

export async function GET() {
  const report = await checkHealth();
  return NextResponse.json(report, {
    status: report.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store", ...(report.status === "ok" ? {} : { "retry-after": "5" }) },
  });
}

import { NextResponse } from "next/server";
import { getImportProgress } from "@/lib/server/imports/get-import-job";
import { withRoute } from "@/lib/server/route-handler";

// The import page's progress bar polls this every second until the job is done.
export const GET = withRoute({ name: "getImportProgress", permission: "candidates.create" }, async ({ actor, params }) => {
  const progress = await getImportProgress({ actor, importJobId: String(params.jobId) });
  return NextResponse.json({ import: progress }, { headers: { "Cache-Control": "no-store" } });
});

import { exportImportErrorsCsv } from "@/lib/server/imports/export-import-errors-csv";
import { withRoute } from "@/lib/server/route-handler";

export const GET = withRoute({ name: "exportImportErrors", permission: "candidates.create" }, async ({ actor, params }) => {
  const jobId = String(params.jobId);
  const csv = await exportImportErrorsCsv({ actor, importJobId: jobId });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="import-${jobId.slice(0, 8)}-errors.csv"`,
      "Cache-Control": "no-store",
    },
  });
});

import { exportCandidatesCsv } from "@/lib/server/exports/export-candidates-csv";
import { withRoute } from "@/lib/server/route-handler";

export const GET = withRoute({ name: "exportCandidates", permission: "candidates.read" }, async ({ actor, meta }) => {
  const body = await exportCandidatesCsv({ actor, meta });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="candidates-${date}.csv"`, "Cache-Control": "no-store" },
  });
});

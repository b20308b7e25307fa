import { exportScreeningsCsv } from "@/lib/server/exports/export-screenings-csv";
import { withRoute } from "@/lib/server/route-handler";

export const GET = withRoute({ name: "exportScreenings", permission: "candidates.read" }, async ({ actor, meta }) => {
  const body = await exportScreeningsCsv({ actor, meta });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="screenings-${date}.csv"`, "Cache-Control": "no-store" },
  });
});

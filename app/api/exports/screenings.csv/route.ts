import { exportScreeningsCsv } from "@/lib/server/exports/export-screenings-csv";
import { parseExportFilter } from "@/lib/server/exports/parse-export-filter";
import { withRoute } from "@/lib/server/route-handler";

// The list's own query parameters (q, band, stage, indicator, from, to, sort): the screenings of the candidates it shows.
export const GET = withRoute({ name: "exportScreenings", permission: "candidates.read" }, async ({ actor, meta, request }) => {
  const filter = parseExportFilter(new URL(request.url).searchParams);
  const body = await exportScreeningsCsv({ actor, filter, meta });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="screenings-${date}.csv"`, "Cache-Control": "no-store" },
  });
});

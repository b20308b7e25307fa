import { exportAuditEventsCsv, parseAuditExportQuery } from "@/lib/server/audit/export-audit-events-csv";
import { withRoute } from "@/lib/server/route-handler";

// The audit log's own query parameters (category, action, actor, subjectType, subject, from, to): the events it lists.
export const GET = withRoute({ name: "exportAuditEvents", permission: "audit.read" }, async ({ actor, meta, request }) => {
  const query = parseAuditExportQuery(new URL(request.url).searchParams);
  const body = await exportAuditEventsCsv({ actor, query, meta });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="audit-${date}.csv"`, "Cache-Control": "no-store" },
  });
});

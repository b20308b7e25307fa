import { buildEvidencePack } from "@/lib/server/cases/build-evidence-pack";
import { evidencePackHtml } from "@/lib/server/cases/evidence-pack-html";
import { withRoute } from "@/lib/server/route-handler";

// One file per download: JSON (verifiable with `npm run audit:verify -- --pack <file>`) or a printable HTML view of
// the same pack (?format=html). Each download is an audited event that anchors the pack in the hash chain.
export const GET = withRoute({ name: "downloadEvidencePack", permission: "cases.read" }, async ({ actor, params, meta, request }) => {
  const caseId = String(params.id);
  const pack = await buildEvidencePack({ actor, caseId, meta });
  const stamp = pack.generatedAt.slice(0, 19).replace(/[:T]/g, "-");
  const html = new URL(request.url).searchParams.get("format") === "html";
  const headers = { "Cache-Control": "no-store", "Content-Disposition": `attachment; filename="evidence-${caseId.slice(0, 8)}-${stamp}.${html ? "html" : "json"}"` };
  if (html) return new Response(evidencePackHtml(pack), { headers: { ...headers, "Content-Type": "text/html; charset=utf-8" } });
  return new Response(`${JSON.stringify(pack, null, 2)}\n`, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
});

import "server-only";
import type { EvidencePack } from "./build-evidence-pack";

const esc = (s: unknown) =>
  String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");

type Row = Record<string, unknown>;

/**
 * The same pack as a printable, self-contained HTML page (no scripts, inline styles only, everything escaped). The
 * JSON file is what `audit:verify --pack` checks; this view carries its content hash so the two can be matched.
 */
export function evidencePackHtml(pack: EvidencePack): string {
  const c = pack.content as { case: Row; candidate: Row | null; screenings: Row[]; notes: Row[]; transitions: Row[]; decisions: Row[]; explanations: Row[] };
  const table = (headers: string[], rows: unknown[][]) =>
    `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
      .map((r) => `<tr>${r.map((v) => `<td>${esc(typeof v === "object" && v !== null ? JSON.stringify(v) : v)}</td>`).join("")}</tr>`)
      .join("")}</tbody></table>`;
  const hits = (s: Row) => ((s.hits as Row[]) ?? []).map((h) => `${h.ruleId} (${h.severity}, +${h.contribution})`).join("; ");
  const events = pack.events.map((e) => ("gap" in e ? [`… ${e.omitted} other event(s)`, "", "", "", ""] : [e.id, e.at, e.action, e.subjectType, (e.hash ?? "").slice(0, 16)]));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Evidence pack — ${esc(c.candidate?.fullName ?? c.case.id)}</title>
<style>body{font:12px/1.45 system-ui,sans-serif;margin:24px;color:#0f172a}h1{font-size:20px}h2{font-size:15px;margin-top:24px;border-bottom:1px solid #cbd5e1}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid #cbd5e1;padding:3px 5px;text-align:left;vertical-align:top;word-break:break-word}th{background:#f1f5f9}
code{font-size:11px}@media print{body{margin:0}}</style></head><body>
<h1>Evidence pack — ${esc(c.candidate?.fullName ?? "cluster case")}</h1>
<p>Case ${esc(c.case.id)} · status ${esc(c.case.status)} · generated ${esc(pack.generatedAt)} by ${esc(pack.generatedBy.name)}<br>
Content SHA-256 <code>${esc(pack.contentSha256)}</code> · chain head event ${esc(pack.chainHead.id)} <code>${esc(pack.chainHead.hash)}</code><br>
Verify the JSON file of this pack offline with <code>npm run audit:verify -- --pack &lt;file&gt;</code>.</p>
<h2>Candidate</h2>${c.candidate ? table(["Name", "Email", "Stage", "External id"], [[c.candidate.fullName, c.candidate.email, c.candidate.stage, c.candidate.externalId]]) : "<p>Cluster case (no single candidate).</p>"}
<h2>Screenings</h2>${table(["When", "Stage", "Trigger", "Score", "Band", "Ruleset", "Engine", "Sanctions list", "Hits"], c.screenings.map((s) => [s.createdAt, s.stage, s.trigger, s.score, s.band, (s.ruleset as Row | null)?.version, s.engineVersion, s.sanctionsListVersion, hits(s)]))}
<h2>Notes</h2>${table(["When", "Author", "Note"], c.notes.map((n) => [n.createdAt, (n.author as Row | null)?.name, n.body]))}
<h2>Case history</h2>${table(["When", "Event", "From", "To", "Outcome", "Rationale", "Reason codes"], c.transitions.map((t) => [t.createdAt, t.event, t.fromStatus, t.toStatus, t.outcome, t.rationale, t.reasonCodes]))}
<h2>Decisions</h2>${table(["When", "Outcome", "Rationale"], c.decisions.map((d) => [d.createdAt, d.outcome, d.rationale]))}
<h2>Explained flags</h2>${table(["When", "Rule", "Explanation", "Review"], c.explanations.map((x) => [x.createdAt, x.ruleId, x.text, x.review]))}
<h2>Audit events (hash chain)</h2>${table(["Id", "At", "Action", "Subject", "Hash"], events)}
</body></html>
`;
}

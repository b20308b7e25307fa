// Evidence packs (issue 11): one file from a review case that proves offline that it is complete and unaltered.
// Pure — read by the server that builds a pack and by `npm run audit:verify -- --pack <file>` that checks one.
//
// How a pack proves itself (ADR 0010, "Evidence packs"):
// 1. `content` (case, candidate, screenings with facts, rulesets, decisions, notes, history…) is hashed as canonical
//    JSON (keys sorted, no whitespace) into `contentSha256`;
// 2. the export itself is an audit event (`case.evidence_exported`) whose `after` names that hash and the ids of
//    every audit event about the case and its candidate the pack carries — so the hash chain anchors both;
// 3. `events` holds those events with their chain hashes, in chain order, with gap markers where other events lie
//    between them, and the export event last. The verifier re-hashes the content, checks it against the export
//    event, checks that the listed ids are exactly the events carried, and walks the chain.
import { createHash } from "node:crypto";

export const EVIDENCE_PACK_FORMAT = "hrs-evidence-pack-v1";
export const EVIDENCE_EXPORT_ACTION = "case.evidence_exported";

/** JSON with object keys sorted at every level and no whitespace: one byte string per value. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
}

export function contentSha256(content: unknown): string {
  return createHash("sha256").update(canonicalJson(content), "utf8").digest("hex");
}

/** What the export event records (its `after`). */
export type EvidenceExportRecord = { contentSha256: string; caseId: string; candidateId: string | null; eventIds: string[] };

type PackEvent = { id: string; action: string; after: string | null };
type PackItem = PackEvent | { gap: true };

/**
 * Checks a pack's content against its export event: the content hash, and that the events it carries are exactly the
 * ones the export listed. Returns the problems (empty when it holds). The chain itself is walked by the caller.
 */
export function checkEvidencePack(pack: { format?: unknown; content?: unknown; contentSha256?: unknown; events: readonly PackItem[] }): string[] {
  const problems: string[] = [];
  if (pack.format !== EVIDENCE_PACK_FORMAT) return [`not an evidence pack (format ${String(pack.format)})`];
  const actual = contentSha256(pack.content);
  if (actual !== pack.contentSha256) problems.push(`content changed: it hashes to ${actual.slice(0, 12)}…, the pack says ${String(pack.contentSha256).slice(0, 12)}…`);
  const events = pack.events.filter((e): e is PackEvent => !("gap" in e));
  const exported = events[events.length - 1];
  if (!exported || exported.action !== EVIDENCE_EXPORT_ACTION) return [...problems, `the last event is not the export (${EVIDENCE_EXPORT_ACTION})`];
  let record: EvidenceExportRecord;
  try {
    record = JSON.parse(exported.after ?? "null") as EvidenceExportRecord;
  } catch {
    return [...problems, `event ${exported.id}: the export record is not JSON`];
  }
  if (record?.contentSha256 !== actual) problems.push(`event ${exported.id} exported content ${String(record?.contentSha256).slice(0, 12)}…, not this content (${actual.slice(0, 12)}…)`);
  const carried = events.slice(0, -1).map((e) => e.id);
  const listed = record?.eventIds ?? [];
  const missing = listed.filter((id) => !carried.includes(id));
  const extra = carried.filter((id) => !listed.includes(id));
  if (missing.length) problems.push(`events left out of the pack: ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? "…" : ""}`);
  if (extra.length) problems.push(`events not in the export record: ${extra.slice(0, 5).join(", ")}${extra.length > 5 ? "…" : ""}`);
  return problems;
}

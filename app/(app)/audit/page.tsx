import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES, auditActionLabel } from "@/lib/audit-actions";
import { isAppError } from "@/lib/errors";
import { auditLogQuerySchema, type AuditLogQuery } from "@/lib/schemas/audit";
import { listAuditEvents, type AuditLogEntry } from "@/lib/server/audit/list-audit-events";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Audit log" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const FILTER_KEYS = ["category", "action", "actor", "subject", "from", "to"] as const;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePageActor("audit.read", "/audit");
  const raw = await searchParams;
  const first = (k: string) => (typeof raw[k] === "string" ? (raw[k] as string) : undefined);
  const parsed = auditLogQuerySchema.safeParse(Object.fromEntries([...FILTER_KEYS, "cursor", "limit"].map((k) => [k, first(k)])));
  let query: AuditLogQuery = parsed.success ? parsed.data : auditLogQuerySchema.parse({});
  let notice = parsed.success ? null : "Some filters were invalid and were ignored.";
  let page: Awaited<ReturnType<typeof listAuditEvents>>;
  try {
    page = await listAuditEvents({ actor, query });
  } catch (error) {
    if (!isAppError(error) || error.code !== "VALIDATION") throw error;
    // A stale or edited page link: show the first page rather than an error page.
    query = { ...query, cursor: undefined };
    notice = error.message;
    page = await listAuditEvents({ actor, query });
  }
  const filters = new URLSearchParams(FILTER_KEYS.flatMap((k) => (query[k] && !(k === "category" && query[k] === "admin") ? [[k, String(query[k])]] : [])));
  const nextHref = page.nextCursor ? `/audit?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}` : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every sign-in (failed and refused ones too), change to users, API keys, rulesets and sanctions lists, and what happened to candidates — who did
          it, when, from which address and with which credential. Times are UTC.
        </p>
      </div>

      <form method="get" action="/audit" aria-label="Filter the audit log" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-6">
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Category</span>
          <select name="category" defaultValue={query.category} className="mt-1 w-full rounded-md border-slate-300 text-sm">
            <option value="admin">Administration and sign-ins</option>
            <option value="all">Everything</option>
            {Object.entries(AUDIT_CATEGORIES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Action</span>
          <select name="action" defaultValue={query.action ?? ""} className="mt-1 w-full rounded-md border-slate-300 text-sm">
            <option value="">Any</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {auditActionLabel(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Who (name or email)</span>
          <input name="actor" defaultValue={query.actor ?? ""} className="mt-1 w-full rounded-md border-slate-300 text-sm" />
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Subject id</span>
          <input name="subject" defaultValue={query.subject ?? ""} className="mt-1 w-full rounded-md border-slate-300 text-sm" />
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">From</span>
          <input type="date" name="from" defaultValue={query.from ?? ""} className="mt-1 w-full rounded-md border-slate-300 text-sm" />
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">To</span>
          <input type="date" name="to" defaultValue={query.to ?? ""} className="mt-1 w-full rounded-md border-slate-300 text-sm" />
        </label>
        <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-6">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
            Apply filters
          </button>
          <Link href="/audit" className="rounded-md px-4 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
            Clear
          </Link>
        </div>
      </form>
      {notice ? (
        <p role="status" className="text-sm text-amber-800">
          {notice}
        </p>
      ) : null}

      {page.items.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
          <h2 className="text-base font-semibold">{query.cursor ? "No more events" : "No events match these filters"}</h2>
          <p className="mt-1 text-sm text-slate-600">{query.cursor ? "You've reached the end of the log." : "Try another category or a wider date range."}</p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Audit events, newest first</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-4 py-3">When (UTC)</th>
                <th scope="col" className="px-4 py-3">What</th>
                <th scope="col" className="px-4 py-3">Who</th>
                <th scope="col" className="px-4 py-3">Subject</th>
                <th scope="col" className="px-4 py-3">Details</th>
                <th scope="col" className="px-4 py-3">From</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {page.items.map((e) => (
                <tr key={e.id} data-testid="audit-row" className="align-top">
                  <td className="whitespace-nowrap px-4 py-3 text-slate-600">
                    <time dateTime={e.at.toISOString()}>{dateFormat.format(e.at)}</time>
                  </td>
                  <td className="px-4 py-3 font-medium">{auditActionLabel(e.action)}</td>
                  <td className="px-4 py-3">
                    {e.actor ? (
                      <>
                        <span className="block">{e.actor.name}</span>
                        <span className="block text-xs text-slate-500">{e.actor.email}</span>
                      </>
                    ) : (
                      <span className="text-slate-500">{e.action.startsWith("auth.") ? "unknown" : "system"}</span>
                    )}
                  </td>
                  <td className="px-4 py-3">
                    <SubjectCell entry={e} />
                  </td>
                  <td className="max-w-md px-4 py-3 text-xs text-slate-700">{describeChange(e)}</td>
                  <td className="px-4 py-3 text-xs text-slate-600">
                    <span className="block">{e.ip ?? "address unknown"}</span>
                    {e.credential ? <span className="block font-mono">{e.credential}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav aria-label="Audit log pages" className="flex justify-between text-sm">
        {query.cursor ? (
          <Link href={filters.size ? `/audit?${filters}` : "/audit"} className="font-semibold text-brand-700 hover:underline">
            First page
          </Link>
        ) : (
          <span />
        )}
        {nextHref ? (
          <Link href={nextHref} className="font-semibold text-brand-700 hover:underline">
            Older events
          </Link>
        ) : null}
      </nav>
    </div>
  );
}

function SubjectCell({ entry }: { entry: AuditLogEntry }) {
  if (!entry.subjectId) return <span className="text-slate-500">{entry.subjectType}</span>;
  if (entry.subjectType === "Candidate") {
    return (
      <Link href={`/candidates/${entry.subjectId}`} className="text-brand-700 underline">
        Candidate {entry.subjectId.slice(0, 8)}
      </Link>
    );
  }
  return (
    <span>
      {entry.subjectType} <span className="font-mono text-xs">{entry.subjectId.slice(0, 8)}</span>
    </span>
  );
}

/** A short, readable summary of before/after (never secrets: audit rows hold none). */
function describeChange(e: AuditLogEntry): string {
  const after = (e.after ?? {}) as Record<string, unknown>;
  const before = (e.before ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof after.email === "string") parts.push(`email ${after.email}`);
  if (typeof after.reason === "string") parts.push(`reason: ${after.reason.replaceAll("_", " ")}`);
  if (typeof after.retryAfterSeconds === "number") parts.push(`retry after ${after.retryAfterSeconds} s`);
  if ("role" in after && "role" in before) parts.push(`role ${String(before.role)} → ${String(after.role)}`);
  else if (typeof after.role === "string") parts.push(`role ${after.role}`);
  if ("disabled" in after) parts.push(after.disabled ? "disabled" : "enabled");
  if (typeof after.name === "string" && !("email" in after)) parts.push(`name ${after.name}`);
  if (typeof after.prefix === "string") parts.push(`key ${after.prefix}`);
  if (typeof before.prefix === "string" && typeof after.prefix !== "string") parts.push(`key ${before.prefix}`);
  if (typeof after.band === "string") parts.push(`band ${after.band}${typeof after.score === "number" ? ` (${after.score})` : ""}`);
  if (typeof after.rows === "number") parts.push(`${after.rows} rows`);
  if (typeof after.version === "number") parts.push(`version ${after.version}`);
  if (typeof after.trigger === "string") parts.push(`via ${after.trigger}`);
  return parts.join(" · ") || "—";
}

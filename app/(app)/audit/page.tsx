import type { Metadata } from "next";
import Link from "next/link";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES, auditActionLabel } from "@/lib/audit-actions";
import { groupRepeatedViews, VIEW_GROUP_WINDOW_MS } from "@/lib/audit-view-groups";
import { isAppError } from "@/lib/errors";
import { auditLogQuerySchema, type AuditLogQuery } from "@/lib/schemas/audit";
import { getAuditChainHead } from "@/lib/server/audit/get-audit-chain-head";
import { listAuditEvents, type AuditLogEntry } from "@/lib/server/audit/list-audit-events";
import { requirePageActor } from "@/lib/server/auth/page-guard";

export const metadata: Metadata = { title: "Audit log" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });
const timeFormat = new Intl.DateTimeFormat("en", { timeStyle: "medium", timeZone: "UTC" });
const FILTER_KEYS = ["category", "action", "actor", "subjectType", "subject", "from", "to"] as const;
/** Subject types the filter suggests; any other type name is accepted too (e.g. cases, added later). */
const SUBJECT_TYPES = ["Candidate", "ReviewCase", "User", "ApiKey", "RulesetVersion", "SanctionsList", "ImportJob", "AuditLog"];

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
  const head = await getAuditChainHead({ actor });
  const exportHref = filters.size ? `/api/exports/audit.csv?${filters}` : "/api/exports/audit.csv";
  const lines = groupRepeatedViews(page.items.map((e) => ({ ...e, actorId: e.actor?.id ?? null })));
  const nextHref = page.nextCursor ? `/audit?${new URLSearchParams([...filters, ["cursor", page.nextCursor]])}` : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Audit log</h1>
        <p className="mt-1 text-sm text-slate-600">
          Every sign-in (failed and refused ones too), change to users, API keys, rulesets and sanctions lists, and what happened to candidates — who did
          it, when, from which address and with which credential. Times are UTC. Each event is linked to the one before it by a hash chain
          (<code>npm run audit:verify</code> proves none was changed, removed or re-ordered); repeated views of one subject by one person within{" "}
          {VIEW_GROUP_WINDOW_MS / 60_000} minutes are shown as one line that opens to each view.
        </p>
        {head ? (
          <p className="mt-1 text-xs text-slate-600" data-testid="audit-chain-head">
            Chain head: event {head.lastId}, hash <code className="break-all font-mono">{head.lastHash}</code> — keep a copy elsewhere; a later{" "}
            <code>audit:verify</code> must end on the same hash for this event.
          </p>
        ) : null}
      </div>

      <form method="get" action="/audit" aria-label="Filter the audit log" className="grid gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:grid-cols-3 lg:grid-cols-7">
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
          <span className="block font-medium text-slate-700">Subject type</span>
          <input name="subjectType" list="audit-subject-types" defaultValue={query.subjectType ?? ""} className="mt-1 w-full rounded-md border-slate-300 text-sm" />
          <datalist id="audit-subject-types">
            {SUBJECT_TYPES.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        <label className="text-sm">
          <span className="block font-medium text-slate-700">Subject id (a candidate, a user, a case…)</span>
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
        <div className="flex items-end gap-2 sm:col-span-3 lg:col-span-7">
          <button type="submit" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700">
            Apply filters
          </button>
          <Link href="/audit" className="rounded-md px-4 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
            Clear
          </Link>
          {/* A plain link (not client navigation): the browser downloads the file. */}
          <a href={exportHref} download className="ml-auto rounded-md px-4 py-2 text-sm font-semibold text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50">
            Export CSV (these filters)
          </a>
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
                <th scope="col" className="px-4 py-3">Chain hash</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {lines.map((line) =>
                line.kind === "event" ? (
                  <EventRow key={line.event.id} entry={line.event} />
                ) : (
                  <ViewGroupRow key={`views-${line.events[0].id}`} entries={line.events} newest={line.newest} oldest={line.oldest} />
                ),
              )}
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

function ActorCell({ entry }: { entry: AuditLogEntry }) {
  return entry.actor ? (
    <>
      <span className="block">{entry.actor.name}</span>
      <span className="block text-xs text-slate-500">{entry.actor.email}</span>
    </>
  ) : (
    <span className="text-slate-500">{entry.action.startsWith("auth.") ? "unknown" : "system"}</span>
  );
}

function HashCell({ hash }: { hash: string | null }) {
  return hash ? (
    <code title={hash} className="font-mono text-xs text-slate-600">
      {hash.slice(0, 12)}
    </code>
  ) : (
    <span className="text-xs text-red-700">not chained</span>
  );
}

function EventRow({ entry: e }: { entry: AuditLogEntry }) {
  return (
    <tr data-testid="audit-row" className="align-top">
      <td className="whitespace-nowrap px-4 py-3 text-slate-600">
        <time dateTime={e.at.toISOString()}>{dateFormat.format(e.at)}</time>
      </td>
      <td className="px-4 py-3 font-medium">{auditActionLabel(e.action)}</td>
      <td className="px-4 py-3">
        <ActorCell entry={e} />
      </td>
      <td className="px-4 py-3">
        <SubjectCell entry={e} />
      </td>
      <td className="max-w-md px-4 py-3 text-xs text-slate-700">{describeChange(e)}</td>
      <td className="px-4 py-3 text-xs text-slate-600">
        <span className="block">{e.ip ?? "address unknown"}</span>
        {e.credential ? <span className="block font-mono">{e.credential}</span> : null}
      </td>
      <td className="px-4 py-3">
        <HashCell hash={e.hash} />
      </td>
    </tr>
  );
}

/** Repeated views of one subject by one person: one line, each view still listed (and recorded) inside it. */
function ViewGroupRow({ entries, newest, oldest }: { entries: AuditLogEntry[]; newest: Date; oldest: Date }) {
  const first = entries[0];
  return (
    <tr data-testid="audit-view-group" className="align-top bg-slate-50/60">
      <td className="whitespace-nowrap px-4 py-3 text-slate-600">
        <time dateTime={newest.toISOString()}>{dateFormat.format(newest)}</time>
      </td>
      <td className="px-4 py-3 font-medium">
        {auditActionLabel(first.action)}{" "}
        <span className="text-slate-600">
          ({entries.length} times between <time dateTime={oldest.toISOString()}>{timeFormat.format(oldest)}</time> and{" "}
          <time dateTime={newest.toISOString()}>{timeFormat.format(newest)}</time>)
        </span>
      </td>
      <td className="px-4 py-3">
        <ActorCell entry={first} />
      </td>
      <td className="px-4 py-3">
        <SubjectCell entry={first} />
      </td>
      <td colSpan={3} className="px-4 py-3 text-xs text-slate-700">
        <details>
          <summary className="cursor-pointer font-semibold text-brand-700">Show each of the {entries.length} views</summary>
          <ul className="mt-2 space-y-1">
            {entries.map((e) => (
              <li key={e.id} data-testid="audit-grouped-event" className="flex flex-wrap gap-x-3">
                <time dateTime={e.at.toISOString()}>{dateFormat.format(e.at)}</time>
                <span>{e.ip ?? "address unknown"}</span>
                {e.credential ? <span className="font-mono">{e.credential}</span> : null}
                <HashCell hash={e.hash} />
              </li>
            ))}
          </ul>
        </details>
      </td>
    </tr>
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

"use client";

import { startTransition, useActionState, useId, useMemo, useRef, useState } from "react";
import type { ActionResult } from "@/lib/errors";
import { getPath, prune, setPath } from "@/lib/intake/paths";
import type { ExtractedResumeText } from "@/lib/intake/read-resume-text";
import type { FieldDef, SectionDef } from "@/lib/intake/stage-fields";
import { MAX_RESUME_FILE_BYTES, RESUME_FILE_TOO_LARGE_MESSAGE } from "@/lib/schemas/upload-limits";
import { FormMessage } from "@/components/ui/form-message";
import { postUpload, type UploadProgressValue } from "@/components/ui/post-upload";
import { UploadProgress } from "@/components/ui/upload-progress";

type Props<T> = {
  action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
  candidateId: string;
  stageKey: string;
  sections: SectionDef[];
  /** The stored profile (sensitive numbers removed): the form edits it, so untouched evidence is kept. */
  initial: Record<string, unknown>;
  stageOptions: { value: string; label: string }[];
  defaultStage: string;
  idempotencyKey: string;
  /** The candidate's version (`updatedAt`) this form was rendered from: a save over a newer one is refused. */
  version: string;
  countries: readonly { code: string; name: string }[];
  ipContext: "application" | "interview" | "onboarding";
};

const control = "block w-full rounded-md border bg-white px-3 py-1.5 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

/**
 * One form for every stage, rendered from field descriptors. State lives here (a validation error never loses the
 * draft); the submit sends the sections this stage owns as JSON, validated on the server with the API's schema.
 */
export function StageForm<T>(props: Props<T>) {
  const { action, candidateId, stageKey, sections, initial, stageOptions, defaultStage, idempotencyKey, version, countries, ipContext } = props;
  const [state, formAction, pending] = useActionState(action, null);
  const [values, setValues] = useState<Record<string, unknown>>(() => toFormValues(initial, sections, ipContext));
  const errors = useMemo(() => withLineErrors(state && !state.ok ? (state.fieldErrors ?? {}) : {}, sections, initial, ipContext), [state, sections, initial, ipContext]);
  const payload = useMemo(() => JSON.stringify(toPayload(values, sections, initial, ipContext)), [values, sections, initial, ipContext]);
  const set = (path: string, value: unknown) => setValues((v) => setPath(v, path, value));

  return (
    <form
      className="space-y-8"
      noValidate
      onSubmit={(e) => {
        // Dispatch by hand: a plain form action would reset the inputs afterwards and lose the draft on an error.
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(() => formAction(data));
      }}
    >
      <input type="hidden" name="candidateId" value={candidateId} />
      <input type="hidden" name="stageKey" value={stageKey} />
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="payload" value={payload} />
      <FormMessage state={state} />
      {state && !state.ok && (state.code === "CONFLICT" || state.code === "UNPROCESSABLE") ? (
        // The draft stays in this tab; the saved version opens beside it, to compare and copy from.
        <p className="text-sm">
          <a href={`/candidates/${candidateId}/evidence/${stageKey.toLowerCase()}`} target="_blank" rel="noopener" className="font-semibold text-brand-700 underline">
            Open the latest version in a new tab
          </a>
        </p>
      ) : null}
      {errors._form ? <p className="text-sm text-red-700">{errors._form.join(" ")}</p> : null}
      {sections.map((section) => (
        <fieldset key={section.title} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <legend className="px-1 text-base font-semibold">{section.title}</legend>
          {section.description ? <p className="mb-4 text-sm text-slate-600">{section.description}</p> : null}
          <div className="grid gap-4 sm:grid-cols-2">
            {section.fields.map((f) => (
              <Field key={f.path} field={f} path={f.path} values={values} set={set} errors={errors} countries={countries} />
            ))}
          </div>
        </fieldset>
      ))}
      <div className="flex flex-wrap items-end gap-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <div>
          <label htmlFor="stage-after" className="block text-sm font-medium text-slate-800">
            Stage after saving
          </label>
          <select id="stage-after" name="stage" defaultValue={defaultStage} className={`${control} border-slate-300`}>
            {stageOptions.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          disabled={pending}
          className="inline-flex items-center justify-center rounded-md bg-brand-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-brand-700 disabled:cursor-wait disabled:opacity-60"
        >
          {pending ? "Saving and screening…" : "Save and screen"}
        </button>
        <p className="text-xs text-slate-500">Saving re-runs the screening with the evidence so far. Blank fields count as unknown, never as “no”.</p>
      </div>
    </form>
  );
}

type FieldProps = {
  field: FieldDef;
  path: string;
  values: Record<string, unknown>;
  set: (path: string, value: unknown) => void;
  errors: Record<string, string[]>;
  countries: readonly { code: string; name: string }[];
};

function Field({ field, path, values, set, errors, countries }: FieldProps) {
  const id = useId();
  // A one-per-line field is a list: its items' errors (`path.3`, `path.3.ip`) belong beside it too.
  const errs = field.kind === "lines" ? linesErrors(errors, path) : errors[path];
  const hint = "hint" in field ? field.hint : undefined;
  const describedBy = [hint ? `${id}-hint` : "", errs ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  const value = getPath(values, path);
  const border = errs ? "border-red-600" : "border-slate-300";
  const wide = ("wide" in field && field.wide) || field.kind === "list" || field.kind === "textarea" || field.kind === "lines" || field.kind === "checkboxes";
  const common = { id, "aria-describedby": describedBy, "aria-invalid": errs ? true : undefined } as const;

  let input: React.ReactNode;
  switch (field.kind) {
    case "list":
      return <ListField field={field} path={path} values={values} set={set} errors={errors} countries={countries} />;
    case "textarea":
      input = (
        <>
          <textarea {...common} rows={6} className={`${control} ${border}`} value={(value as string) ?? ""} onChange={(e) => set(path, e.target.value)} />
          {path.endsWith("resumeText") ? <ResumeFileInput onText={(text) => set(path, text)} /> : null}
        </>
      );
      break;
    case "lines":
      input = <textarea {...common} rows={3} className={`${control} ${border} font-mono`} value={(value as string) ?? ""} onChange={(e) => set(path, e.target.value)} />;
      break;
    case "select":
    case "country":
    case "tristate": {
      const options =
        field.kind === "select" ? field.options : field.kind === "country" ? countries.map((c) => ({ value: c.code, label: c.name })) : [{ value: "true", label: "Yes" }, { value: "false", label: "No" }];
      input = (
        <select {...common} className={`${control} ${border}`} value={value === undefined || value === null ? "" : String(value)} onChange={(e) => set(path, e.target.value || undefined)}>
          <option value="">{field.kind === "tristate" ? "Unknown" : "—"}</option>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      );
      break;
    }
    case "checkboxes": {
      const selected = new Set((value as string[] | undefined) ?? []);
      return (
        <fieldset className="sm:col-span-2" aria-describedby={describedBy}>
          <legend className="text-sm font-medium text-slate-800">{field.label}</legend>
          <div className="mt-1 flex flex-wrap gap-4">
            {field.options.map((o) => (
              <label key={o.value} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  checked={selected.has(o.value)}
                  onChange={(e) => {
                    const next = new Set(selected);
                    if (e.target.checked) next.add(o.value);
                    else next.delete(o.value);
                    set(path, next.size ? [...next] : undefined);
                  }}
                />
                {o.label}
              </label>
            ))}
          </div>
          <Errors id={`${id}-err`} errs={errs} />
        </fieldset>
      );
    }
    default: {
      const type = field.kind === "datetime" ? "datetime-local" : field.kind;
      input = (
        <input
          {...common}
          type={type}
          required={"required" in field ? field.required : undefined}
          className={`${control} ${border}`}
          value={value === undefined || value === null ? "" : String(value)}
          onChange={(e) => set(path, e.target.value)}
        />
      );
    }
  }
  return (
    <div className={wide ? "space-y-1 sm:col-span-2" : "space-y-1"}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {field.label}
        {"required" in field && field.required ? <span className="text-red-700" aria-hidden="true"> *</span> : null}
      </label>
      {input}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <Errors id={`${id}-err`} errs={errs} />
    </div>
  );
}

/**
 * Loads the résumé field from a PDF, DOCX or TXT file: POST /api/resume-text reads the text on our server (offline, in
 * a worker thread with time and memory budgets) and the textarea shows it to check before saving. The input has no
 * name, so the file itself is never posted with the stage form.
 */
function ResumeFileInput({ onText }: { onText: (text: string) => void }) {
  const id = useId();
  const [status, setStatus] = useState<{ kind: "idle" | "busy" | "done" | "error"; message?: string }>({ kind: "idle" });
  const [progress, setProgress] = useState<UploadProgressValue | null>(null);
  const latest = useRef(0);
  return (
    <div className="mt-2">
      <label htmlFor={id} className="block text-xs font-medium text-slate-700">
        Load the text from a résumé file (PDF, DOCX or TXT, up to 5 MB)
      </label>
      <input
        id={id}
        type="file"
        accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
        aria-describedby={`${id}-status`}
        aria-invalid={status.kind === "error" ? true : undefined}
        className="mt-1 block text-xs"
        onChange={async (e) => {
          const input = e.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          // Only the last file chosen fills the field, if a slow one is still being read.
          const request = ++latest.current;
          // Choosing the same file again reads it again.
          input.value = "";
          if (file.size > MAX_RESUME_FILE_BYTES) {
            setStatus({ kind: "error", message: RESUME_FILE_TOO_LARGE_MESSAGE });
            return;
          }
          setStatus({ kind: "busy", message: `Extracting the text of ${file.name}…` });
          const data = new FormData();
          data.set("file", file);
          const result = await postUpload<{ resume: ExtractedResumeText }>("/api/resume-text", data, (p) => {
            if (request === latest.current) setProgress(p);
          });
          if (request !== latest.current) return;
          setProgress(null);
          if (result.ok) {
            onText(result.data.resume.text);
            setStatus({ kind: "done", message: result.data.resume.notice ?? `Loaded the text of ${file.name}. Check it before saving.` });
          } else setStatus({ kind: "error", message: result.fieldErrors?.file?.[0] ?? result.message });
        }}
      />
      <div className="mt-1">
        <UploadProgress label="Résumé upload progress" progress={progress} />
      </div>
      <p id={`${id}-status`} aria-live="polite" className={`mt-1 text-sm ${status.kind === "error" ? "text-red-700" : "text-slate-600"}`}>
        {status.message}
      </p>
    </div>
  );
}

function linesErrors(errors: Record<string, string[]>, path: string): string[] | undefined {
  const all = Object.entries(errors)
    .filter(([key]) => key === path || key.startsWith(`${path}.`))
    .flatMap(([, messages]) => messages);
  return all.length ? [...new Set(all)] : undefined;
}

function Errors({ id, errs }: { id: string; errs?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errs?.map((m) => (
        <p key={m} className="text-sm text-red-700">
          {m}
        </p>
      ))}
    </div>
  );
}

function ListField({ field, path, values, set, errors, countries }: FieldProps & { field: Extract<FieldDef, { kind: "list" }> }) {
  const items = ((getPath(values, path) as unknown[] | undefined) ?? []).filter((x) => x !== undefined);
  const listErr = errors[path];
  return (
    <div className="space-y-3 sm:col-span-2">
      <div className="flex items-center justify-between">
        <h3 className="text-sm font-semibold text-slate-800">{field.label}</h3>
        <button type="button" className="rounded-md px-2 py-1 text-sm font-medium text-brand-700 ring-1 ring-slate-300 hover:bg-slate-50" onClick={() => set(path, [...items, {}])}>
          Add {field.itemLabel.toLowerCase()}
        </button>
      </div>
      {field.hint ? <p className="text-xs text-slate-500">{field.hint}</p> : null}
      {items.length === 0 ? <p className="text-sm text-slate-500">None recorded.</p> : null}
      {items.map((_, i) => (
        <fieldset key={i} className="rounded-lg border border-slate-200 p-4">
          <legend className="px-1 text-sm font-medium">
            {field.itemLabel} {i + 1}
          </legend>
          <div className="grid gap-3 sm:grid-cols-2">
            {field.fields.map((f) => (
              <Field key={f.path} field={f} path={`${path}.${i}.${f.path}`} values={values} set={set} errors={errors} countries={countries} />
            ))}
          </div>
          <button type="button" className="mt-3 text-sm text-red-700 hover:underline" onClick={() => set(path, items.filter((__, j) => j !== i))}>
            Remove {field.itemLabel.toLowerCase()} {i + 1}
          </button>
        </fieldset>
      ))}
      {listErr ? <p className="text-sm text-red-700">{listErr.join(" ")}</p> : null}
    </div>
  );
}

// ── Conversions between the stored profile and what the inputs show ──────────────────────────────────────────

/** Visits every leaf field with its value path; a list is expanded over the items `values()` holds at its path. */
function forEachLeafField(sections: SectionDef[], values: () => Record<string, unknown>, visit: (f: FieldDef, path: string) => void) {
  const walk = (f: FieldDef, path: string) => {
    if (f.kind !== "list") return visit(f, path);
    const items = (getPath(values(), path) as unknown[] | undefined) ?? [];
    items.forEach((_, i) => f.fields.forEach((sub) => walk(sub, `${path}.${i}.${sub.path}`)));
  };
  sections.forEach((s) => s.fields.forEach((f) => walk(f, f.path)));
}

/** Stored values → input values (booleans → "true"/"false", arrays → lines, ISO instants → local datetime). */
function toFormValues(initial: Record<string, unknown>, sections: SectionDef[], ipContext: string): Record<string, unknown> {
  let v: Record<string, unknown> = structuredClone(initial);
  const convert = (f: FieldDef, path: string) => {
    const cur = getPath(v, path);
    if (cur === undefined || cur === null) return;
    if (f.kind === "tristate") v = setPath(v, path, String(cur));
    else if (f.kind === "number") v = setPath(v, path, String(cur));
    else if (f.kind === "datetime" && typeof cur === "string") v = setPath(v, path, toLocalInput(cur));
    else if (f.kind === "lines" && Array.isArray(cur)) {
      // IPs are shown for this stage's context only (the others are kept as they are on save), each with the time it
      // was seen when one is known, so saving the form never drops it.
      const shown = f.lineTo === "ip" ? cur.filter((x) => (x as { context?: string }).context === (f.ipContext ?? ipContext)) : cur;
      v = setPath(v, path, shown.map((x) => (typeof x === "string" ? x : ipLine(x as { ip?: string; at?: string | null }))).join("\n"));
    }
  };
  forEachLeafField(sections, () => v, convert);
  return v;
}

/** Input values → the submission's profile sections (only the roots this stage owns). */
function toPayload(values: Record<string, unknown>, sections: SectionDef[], initial: Record<string, unknown>, ipContext: string) {
  let v: Record<string, unknown> = structuredClone(values);
  const convert = (f: FieldDef, path: string) => {
    const cur = getPath(v, path);
    if (cur === undefined || cur === "") {
      v = setPath(v, path, undefined);
      return;
    }
    if (f.kind === "tristate") v = setPath(v, path, cur === "true" ? true : cur === "false" ? false : undefined);
    else if (f.kind === "number") v = setPath(v, path, Number.isFinite(Number(cur)) ? Number(cur) : cur);
    else if (f.kind === "datetime" && typeof cur === "string") v = setPath(v, path, fromLocalInput(cur));
    else if (f.kind === "lines" && typeof cur === "string") {
      const lines = cur.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
      if (f.lineTo === "ip") {
        const context = f.ipContext ?? ipContext;
        const others = ((getPath(initial, path) as { context?: string }[] | undefined) ?? []).filter((o) => o.context !== context);
        v = setPath(v, path, [...others, ...lines.map((line) => ({ ...parseIpLine(line), context }))]);
      } else v = setPath(v, path, lines.length ? lines : undefined);
    }
  };
  forEachLeafField(sections, () => v, convert);
  const roots = new Set<string>();
  const obsKeys = new Set<string>();
  sections.forEach((s) =>
    s.fields.forEach((f) => {
      const [root, sub] = f.path.split(".");
      roots.add(root);
      if (root === "observations" && sub) obsKeys.add(sub);
    }),
  );
  const out: Record<string, unknown> = {};
  for (const root of roots) {
    if (root === "observations") {
      const obs: Record<string, unknown> = {};
      for (const k of obsKeys) {
        const val = getPath(v, `observations.${k}`);
        if (val !== undefined) obs[k] = val;
      }
      out.observations = obs;
    } else out[root] = v[root];
  }
  return prune(out) ?? {};
}

/** "175.45.176.1 2026-09-01T14:00:00Z": an address, then (optionally) when it was seen. */
function ipLine(x: { ip?: string; at?: string | null }): string {
  return x.at ? `${x.ip ?? ""} ${x.at}` : (x.ip ?? "");
}

function parseIpLine(line: string): { ip: string; at?: string } {
  const m = /^(\S+?)(?:[\s,]+(\S.*))?$/.exec(line);
  return m?.[2] ? { ip: m[1], at: m[2] } : { ip: m?.[1] ?? line };
}

/**
 * The server keys errors inside a "lines" field by item (`observations.ips.3.at`); they are shown beside the field as
 * "Line n: …". An IP field's payload starts with the other stages' addresses, which the form doesn't show.
 */
function withLineErrors(errors: Record<string, string[]>, sections: SectionDef[], initial: Record<string, unknown>, ipContext: string): Record<string, string[]> {
  const out = { ...errors };
  for (const f of sections.flatMap((s) => s.fields)) {
    if (f.kind !== "lines") continue;
    const offset = f.lineTo === "ip" ? ((getPath(initial, f.path) as { context?: string }[] | undefined) ?? []).filter((o) => o.context !== (f.ipContext ?? ipContext)).length : 0;
    for (const key of Object.keys(out)) {
      const m = key.startsWith(`${f.path}.`) ? /^(\d+)/.exec(key.slice(f.path.length + 1)) : null;
      if (!m) continue;
      const line = Number(m[1]) - offset + 1;
      out[f.path] = [...(out[f.path] ?? []), ...out[key].map((msg) => `Line ${line}: ${msg}`)];
      delete out[key];
    }
  }
  return out;
}

function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function fromLocalInput(local: string): string {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? local : d.toISOString();
}

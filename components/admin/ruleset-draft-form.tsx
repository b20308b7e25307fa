"use client";

import { useEffect, useRef } from "react";
import { FieldShell, SelectField, TextField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { useFormAction } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/errors";

export type RulesetDraftRuleView = { id: string; title: string; severity: "H" | "M" | "L"; indicatorIds: readonly string[]; enabled: boolean; weight: number };

export type RulesetDraftBaseView = {
  /** null: the engine's shipped default (not a stored version). */
  id: string | null;
  version: number | null;
  status: "DRAFT" | "PUBLISHED" | "RETIRED";
  severityPoints: { H: number; M: number; L: number };
  lowSeverityCap: number;
  bandThresholds: { LOW: number; ELEVATED: number; HIGH: number; CRITICAL: number };
  /** The band from which a screening opens a security review case. */
  reviewThreshold: "LOW" | "ELEVATED" | "HIGH" | "CRITICAL";
  /** null: the base scores with engine 1 (no corroboration); `defaults` fill the fields when it is switched on. */
  corroboration: CorroborationView | null;
  corroborationDefaults: CorroborationView;
  categories: { id: string; title: string; rules: RulesetDraftRuleView[] }[];
};

export type CorroborationView = { crossCategoryBonus: number; sameCategoryBonus: number; uncorroboratedMaxScore: number };

const CORROBORATION_FIELDS = [
  ["crossCategoryBonus", "Bonus per further category", "Added to the exponent for each further category with a medium or high signal (0 to 5)."],
  ["sameCategoryBonus", "Bonus per further signal in a category", "Added for each further medium or high signal in a category that already has one; at most the cross-category bonus."],
  ["uncorroboratedMaxScore", "Most one common signal can score", "The ceiling for a single signal with common innocent explanations when nothing is specific to the scheme (keep it below the Elevated band)."],
] as const;

type Props<T> = { base: RulesetDraftBaseView; action: (prev: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>> };

const THRESHOLDS = [
  ["LOW", "Low band starts at"],
  ["ELEVATED", "Elevated band starts at"],
  ["HIGH", "High band starts at"],
  ["CRITICAL", "Critical band starts at"],
] as const;

const SEVERITY_POINTS = [
  ["H", "High-severity points"],
  ["M", "Medium-severity points"],
  ["L", "Low-severity points"],
] as const;

const SEVERITY_LABELS = { H: "High", M: "Medium", L: "Low" } as const;

const numberProps = { type: "number", inputMode: "decimal", step: "any" } as const;

/**
 * A new draft from a base version. Every field is named by its path in the ruleset config, so the engine's
 * validation errors appear beside the field they concern; errors with no field of their own are listed at the top.
 */
export function RulesetDraftForm<T>({ base, action }: Props<T>) {
  const { state, formAction, formRef, errors, values: v } = useFormAction(action);
  const echoed = Object.keys(v).length > 0;
  const summaryRef = useRef<HTMLDivElement>(null);
  const failed = state !== null && !state.ok;
  useEffect(() => {
    if (failed) summaryRef.current?.focus();
  }, [state, failed]);

  const fieldNames = new Set<string>([
    "notes",
    "lowSeverityCap",
    "reviewThreshold",
    "corroboration",
    "corroboration.enabled",
    ...CORROBORATION_FIELDS.map(([k]) => `corroboration.${k}`),
    ...THRESHOLDS.map(([k]) => `bandThresholds.${k}`),
    ...SEVERITY_POINTS.map(([k]) => `severityPoints.${k}`),
    ...base.categories.flatMap((c) => c.rules.flatMap((r) => [`rules.${r.id}.weight`, `rules.${r.id}.enabled`])),
  ]);
  const otherErrors = Object.entries(errors ?? {}).filter(([key]) => !fieldNames.has(key));
  const value = (name: string, fallback: number | string) => (echoed ? (v[name] ?? "") : String(fallback));
  // Remount the fields when the server echoes a draft back, so they show what was submitted.
  const echoKey = echoed ? JSON.stringify(v) : "base";

  return (
    <form ref={formRef} action={formAction} className="space-y-8" noValidate aria-label="New ruleset draft">
      <div ref={summaryRef} tabIndex={-1} className="space-y-2 focus:outline-none">
        <FormMessage state={state} />
        {otherErrors.length ? (
          <ul className="list-disc space-y-1 rounded-md bg-red-50 py-2 pl-8 pr-3 text-sm text-red-800 ring-1 ring-red-200">
            {otherErrors.map(([key, messages]) => (
              <li key={key}>
                {key === "_form" ? "" : <code className="mr-1">{key}</code>}
                {messages.join(" ")}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      {base.id ? <input type="hidden" name="baseVersionId" value={base.id} /> : <input type="hidden" name="fromShippedDefault" value="1" />}

      <div key={echoKey} className="space-y-8">
        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">Band thresholds</legend>
          <p className="text-sm text-slate-600">The lowest score (a whole number from 1 to 100) of each band; each must be higher than the one before.</p>
          <div className="grid gap-4 sm:grid-cols-4">
            {THRESHOLDS.map(([key, label]) => (
              <TextField
                key={key}
                name={`bandThresholds.${key}`}
                label={label}
                {...numberProps}
                step={1}
                required
                defaultValue={value(`bandThresholds.${key}`, base.bandThresholds[key])}
                errors={errors?.[`bandThresholds.${key}`]}
              />
            ))}
          </div>
          <div className="sm:w-1/2">
            <SelectField
              name="reviewThreshold"
              label="Open a review case from"
              hint="A screening in this band or above opens a security review case (or updates the open one)."
              options={THRESHOLDS.map(([key]) => ({ value: key, label: `${key.charAt(0)}${key.slice(1).toLowerCase()} band` }))}
              required
              defaultValue={value("reviewThreshold", base.reviewThreshold)}
              errors={errors?.reviewThreshold}
            />
          </div>
        </fieldset>

        <fieldset className="space-y-3">
          <legend className="text-base font-semibold">Severity points</legend>
          <p className="text-sm text-slate-600">
            What one hit of each severity is worth before its rule&apos;s weight (0 to 100). Low-severity hits together never add more than the cap.
          </p>
          <div className="grid gap-4 sm:grid-cols-4">
            {SEVERITY_POINTS.map(([key, label]) => (
              <TextField
                key={key}
                name={`severityPoints.${key}`}
                label={label}
                {...numberProps}
                required
                defaultValue={value(`severityPoints.${key}`, base.severityPoints[key])}
                errors={errors?.[`severityPoints.${key}`]}
              />
            ))}
            <TextField
              name="lowSeverityCap"
              label="Low-severity cap"
              {...numberProps}
              required
              defaultValue={value("lowSeverityCap", base.lowSeverityCap)}
              errors={errors?.lowSeverityCap}
            />
          </div>
        </fieldset>

        <fieldset className="space-y-3" aria-describedby="corroboration-help">
          <legend className="text-base font-semibold">Corroboration</legend>
          <p id="corroboration-help" className="text-sm text-slate-600">
            Independent signals reinforce each other: the combined points are raised with an exponent of 1 + bonus per further category + bonus per
            further signal in the same category. One signal with common innocent explanations, alone, never scores above the ceiling; a signal specific
            to the scheme (an identity that belongs to someone else, remote-access tools on the company laptop) is not held back. Off: each hit counts
            independently (engine-1 scoring).
          </p>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              name="corroboration.enabled"
              defaultChecked={echoed ? v["corroboration.enabled"] !== undefined : base.corroboration !== null}
              className="h-4 w-4 rounded border-slate-300"
            />
            Score with the corroboration model
          </label>
          {errors?.corroboration ? <p className="text-sm text-red-700">{errors.corroboration.join(" ")}</p> : null}
          <div className="grid gap-4 sm:grid-cols-3">
            {CORROBORATION_FIELDS.map(([key, label, help]) => (
              <TextField
                key={key}
                name={`corroboration.${key}`}
                label={label}
                hint={help}
                {...numberProps}
                required
                defaultValue={value(`corroboration.${key}`, (base.corroboration ?? base.corroborationDefaults)[key])}
                errors={errors?.[`corroboration.${key}`]}
              />
            ))}
          </div>
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-base font-semibold">Rules</legend>
          <p className="text-sm text-slate-600">
            Switch a rule off, or change its weight (0 to 10): a hit is worth its severity points × the weight. Each rule&apos;s own settings stay as in
            {base.version === null ? " the shipped default" : ` version ${base.version}`}.
          </p>
          {base.categories.map((category) => (
            <div key={category.id} className="overflow-x-auto rounded-lg ring-1 ring-slate-200">
              <table className="min-w-full divide-y divide-slate-200 text-sm">
                <caption className="bg-slate-50 px-4 py-2 text-left text-sm font-semibold text-slate-800">{category.title}</caption>
                <thead className="text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
                  <tr>
                    <th scope="col" className="px-4 py-2">Rule</th>
                    <th scope="col" className="px-3 py-2">Severity</th>
                    <th scope="col" className="px-3 py-2">On</th>
                    <th scope="col" className="px-3 py-2">Weight</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-slate-100">
                  {category.rules.map((rule) => (
                    <RuleRow
                      key={rule.id}
                      rule={rule}
                      enabled={echoed ? v[`rules.${rule.id}.enabled`] !== undefined : rule.enabled}
                      weight={value(`rules.${rule.id}.weight`, rule.weight)}
                      errors={[...(errors?.[`rules.${rule.id}.enabled`] ?? []), ...(errors?.[`rules.${rule.id}.weight`] ?? [])]}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </fieldset>

        <FieldShell id="field-notes" label="Notes" required hint="Why this change: it is shown in the version history and the audit trail." errors={errors?.notes}>
          <textarea
            id="field-notes"
            name="notes"
            rows={3}
            required
            maxLength={2000}
            defaultValue={v.notes ?? ""}
            aria-invalid={errors?.notes?.length ? true : undefined}
            aria-describedby={`field-notes-hint${errors?.notes?.length ? " field-notes-error" : ""}`}
            className={`block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 ${errors?.notes?.length ? "border-red-600" : "border-slate-300"}`}
          />
        </FieldShell>
      </div>

      <SubmitButton pendingLabel="Saving draft…">Save draft</SubmitButton>
    </form>
  );
}

function RuleRow({ rule, enabled, weight, errors }: { rule: RulesetDraftRuleView; enabled: boolean; weight: string; errors: string[] }) {
  const base = `rule-${rule.id}`;
  const invalid = errors.length > 0;
  return (
    <tr>
      <th scope="row" id={`${base}-title`} className="px-4 py-2 text-left font-normal">
        <span className="font-medium text-slate-900">{rule.title}</span> <span className="text-xs text-slate-500">{rule.indicatorIds.join(", ")}</span>
      </th>
      <td className="px-3 py-2 text-slate-700">{SEVERITY_LABELS[rule.severity]}</td>
      <td className="px-3 py-2">
        <input
          id={`${base}-enabled`}
          type="checkbox"
          name={`rules.${rule.id}.enabled`}
          defaultChecked={enabled}
          aria-label={`${rule.title}: on`}
          className="h-4 w-4 rounded border-slate-300"
        />
      </td>
      <td className="px-3 py-2">
        <input
          id={`${base}-weight`}
          name={`rules.${rule.id}.weight`}
          {...numberProps}
          defaultValue={weight}
          aria-label={`${rule.title}: weight`}
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? `${base}-error` : undefined}
          className={`w-24 rounded-md border bg-white px-2 py-1 text-sm shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100 ${invalid ? "border-red-600" : "border-slate-300"}`}
        />
        <div id={`${base}-error`} aria-live="polite">
          {errors.map((m) => (
            <p key={m} className="text-xs text-red-700">
              {m}
            </p>
          ))}
        </div>
      </td>
    </tr>
  );
}

import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes } from "react";

type FieldShellProps = { id: string; label: string; hint?: string; errors?: string[]; required?: boolean; children: ReactNode };

/** Label, control, hint and errors wired together for screen readers (aria-describedby, aria-invalid). */
export function FieldShell({ id, label, hint, errors, required, children }: FieldShellProps) {
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {required ? <span className="text-red-700" aria-hidden="true"> *</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <div id={`${id}-error`} aria-live="polite">
        {errors?.map((message) => (
          <p key={message} className="text-sm text-red-700">
            {message}
          </p>
        ))}
      </div>
    </div>
  );
}

const controlClass =
  "block w-full rounded-md border bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-100";

function describedBy(id: string, hint?: string, errors?: string[]) {
  return [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

type TextFieldProps = InputHTMLAttributes<HTMLInputElement> & { name: string; label: string; hint?: string; errors?: string[] };

export function TextField({ name, label, hint, errors, required, id, className, ...rest }: TextFieldProps) {
  const fieldId = id ?? `field-${name}`;
  const invalid = Boolean(errors?.length);
  return (
    <FieldShell id={fieldId} label={label} hint={hint} errors={errors} required={required}>
      <input
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        className={`${controlClass} ${invalid ? "border-red-600" : "border-slate-300"} ${className ?? ""}`}
        {...rest}
      />
    </FieldShell>
  );
}

type SelectFieldProps = SelectHTMLAttributes<HTMLSelectElement> & {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  options: readonly { value: string; label: string }[];
  placeholder?: string;
};

export function SelectField({ name, label, hint, errors, options, placeholder, required, id, ...rest }: SelectFieldProps) {
  const fieldId = id ?? `field-${name}`;
  const invalid = Boolean(errors?.length);
  return (
    <FieldShell id={fieldId} label={label} hint={hint} errors={errors} required={required}>
      <select
        id={fieldId}
        name={name}
        required={required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy(fieldId, hint, errors)}
        className={`${controlClass} ${invalid ? "border-red-600" : "border-slate-300"}`}
        {...rest}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

"use client";

import { useFormStatus } from "react-dom";

/** Disabled while its form is submitting, so a double click can't send twice from the browser. */
export function SubmitButton({ children, pendingLabel, variant = "primary" }: { children: React.ReactNode; pendingLabel?: string; variant?: "primary" | "secondary" | "danger" }) {
  const { pending } = useFormStatus();
  const styles = {
    primary: "bg-brand-600 text-white hover:bg-brand-700",
    secondary: "bg-white text-slate-800 ring-1 ring-slate-300 hover:bg-slate-50",
    danger: "bg-white text-red-700 ring-1 ring-red-300 hover:bg-red-50",
  }[variant];
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={`inline-flex items-center justify-center rounded-md px-4 py-2 text-sm font-semibold shadow-sm disabled:cursor-wait disabled:opacity-60 ${styles}`}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}

import type { ActionResult } from "@/lib/errors";

/** The form-level outcome of an action, announced to screen readers. Field errors are shown beside the fields. */
export function FormMessage<T>({ state, success }: { state: ActionResult<T> | null; success?: string }) {
  if (!state) return <div aria-live="polite" />;
  if (state.ok) {
    return success ? (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800 ring-1 ring-emerald-200">
        {success}
      </p>
    ) : (
      <div aria-live="polite" />
    );
  }
  return (
    <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 ring-1 ring-red-200">
      {state.message}
    </p>
  );
}

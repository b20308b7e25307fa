// Text that PostgreSQL cannot store, or that no person typed: NUL characters (text and jsonb refuse \u0000) and
// lone UTF-16 surrogates (invalid Unicode; jsonb refuses them). Checked at every boundary — JSON bodies, form
// fields, stage payloads, CSV rows — so such input is a field error that names the field, never a 500 from the
// database half-way through a write.

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export const UNSAFE_TEXT_MESSAGE = "Contains characters that can't be stored (a NUL character or invalid Unicode)";

/** True when `text` has a NUL character or a lone surrogate. */
export function hasUnsafeText(text: string): boolean {
  return text.includes("\u0000") || LONE_SURROGATE.test(text);
}

/** Dotted paths (as zod field errors name them) of every string — or object key — in `value` with unsafe text. */
export function findUnsafeText(value: unknown, path: (string | number)[] = [], out: string[] = []): string[] {
  if (out.length >= 50) return out;
  if (typeof value === "string") {
    if (hasUnsafeText(value)) out.push(path.length ? path.join(".") : "_body");
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => findUnsafeText(item, [...path, i], out));
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnsafeText(key)) out.push([...path, "(key)"].join("."));
      else findUnsafeText(item, [...path, key], out);
    }
  }
  return out;
}

/** Field errors for `findUnsafeText`'s paths, or null when there are none. */
export function unsafeTextFieldErrors(value: unknown): Record<string, string[]> | null {
  const paths = findUnsafeText(value);
  return paths.length ? Object.fromEntries(paths.map((p) => [p, [UNSAFE_TEXT_MESSAGE]])) : null;
}

/** Stands for a NUL character in stored text that had one (U+2400 SYMBOL FOR NULL), so people can see where it was. */
export const NUL_SYMBOL = "\u2400";

/**
 * Text PostgreSQL can store, for input kept whole before it is validated piece by piece (an uploaded CSV file): each
 * NUL becomes ␀ (U+2400) and each lone surrogate U+FFFD. The validation then refuses the pieces that had one.
 */
export function toStorableText(text: string): string {
  if (!hasUnsafeText(text)) return text;
  return text.replace(/\u0000/g, NUL_SYMBOL).replace(new RegExp(LONE_SURROGATE.source, "g"), "\ufffd");
}

import "server-only";
import Papa from "papaparse";

/**
 * CSV injection: a spreadsheet runs a cell that starts with = + - @ tab or CR as a formula, so such a cell is
 * prefixed with ' (papaparse's `escapeFormulae`, with our pattern). The one exception is a phone number: "+" then
 * digits and the punctuation phone numbers are written with (space ( ) . - /), nothing else. Without letters, a
 * reference, a function name or a "|" such a cell can be nothing worse than arithmetic on literal numbers, and
 * escaping it would hand every E.164 number back as `'+1 415 …`.
 */
export const CSV_FORMULA_PATTERN = /^(?!\+\d[\d ().\/-]*$)[=+\-@\t\r]/;

/** Options for every CSV this app writes (exports and the import errors file): formulas neutralised, CRLF lines. */
export const CSV_UNPARSE_OPTIONS = { escapeFormulae: CSV_FORMULA_PATTERN, newline: "\r\n" } as const;

/** Rows as CSV lines (formula cells neutralised); every line ends with CRLF, and no rows give no text. */
export function csvLines(rows: readonly (readonly unknown[])[]): string {
  if (rows.length === 0) return "";
  return `${Papa.unparse(rows.map((row) => row.map(cellText)), CSV_UNPARSE_OPTIONS)}\r\n`;
}

/** A whole CSV document: a BOM (so spreadsheet programs read UTF-8), the header line, then the rows. */
export function csvDocument(fields: readonly string[], rows: readonly (readonly unknown[])[]): string {
  return `\uFEFF${csvLines([fields, ...rows])}`;
}

/**
 * A CSV body streamed page by page, so an export of every candidate never sits in memory whole: the header, then
 * each page `pages` yields (an empty page is skipped).
 */
export function csvStream(fields: readonly string[], pages: AsyncIterable<readonly (readonly unknown[])[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<readonly (readonly unknown[])[]> | undefined;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!iterator) {
        iterator = pages[Symbol.asyncIterator]();
        controller.enqueue(encoder.encode(`\uFEFF${csvLines([fields])}`));
        return;
      }
      for (;;) {
        const next = await iterator.next();
        if (next.done) {
          controller.close();
          return;
        }
        if (next.value.length === 0) continue;
        controller.enqueue(encoder.encode(csvLines(next.value)));
        return;
      }
    },
    async cancel() {
      await iterator?.return?.();
    },
  });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join("; ");
  return String(value);
}

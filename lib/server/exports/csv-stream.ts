import "server-only";
import Papa from "papaparse";

/**
 * A CSV body built page by page (keyset pagination), so an export of every candidate never sits in memory whole.
 * Every cell goes through papaparse with `escapeFormulae`: a value starting with = + - @ tab or CR is prefixed
 * with ' so a spreadsheet shows it as text instead of running it (CSV injection).
 */
export function csvStream<T>(fields: string[], nextPage: (after: T | undefined) => Promise<T[]>, toRow: (item: T) => unknown[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let last: T | undefined;
  let headerSent = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        // A BOM so spreadsheet programs read the file as UTF-8.
        controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse({ fields, data: [] }, { escapeFormulae: true, newline: "\r\n" })}\r\n`));
        return;
      }
      if (done) return;
      const page = await nextPage(last);
      if (page.length === 0) {
        done = true;
        controller.close();
        return;
      }
      last = page[page.length - 1];
      const data = page.map((item) => toRow(item).map(cellText));
      controller.enqueue(encoder.encode(`${Papa.unparse(data, { escapeFormulae: true, newline: "\r\n" })}\r\n`));
    },
  });
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.join("; ");
  return String(value);
}

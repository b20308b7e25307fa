import "server-only";
import Papa from "papaparse";

export type ImportCsvRow = {
  /** Spreadsheet numbering: the header is row 1, the first data row is row 2 (blank lines are skipped). */
  rowNumber: number;
  values: Record<string, string>;
  /** The row had more or fewer cells than the header (papaparse's FieldMismatch). */
  shapeError?: string;
};

export type ParsedImportCsv = { columns: string[]; rows: ImportCsvRow[] };

/**
 * Parses an ATS export: first line is the header, delimiter detected (comma, semicolon, tab), blank lines skipped,
 * every value kept as a string. `limit` stops after that many data rows (the mapping preview).
 */
export function parseImportCsv(content: string, options: { limit?: number } = {}): ParsedImportCsv {
  const text = content.charCodeAt(0) === 0xfeff ? content.slice(1) : content;
  const result = Papa.parse<Record<string, string | string[]>>(text, {
    header: true,
    skipEmptyLines: "greedy",
    preview: options.limit ?? 0,
    transformHeader: (h) => h.trim(),
  });
  const columns = (result.meta.fields ?? []).filter((c) => c !== "");
  const shapeErrors = new Map<number, string>();
  for (const e of result.errors) {
    if (e.type === "FieldMismatch" && e.row !== undefined) shapeErrors.set(e.row, `${e.message.replace(/:.*$/, "")}: expected ${columns.length} columns`);
  }
  const rows = result.data.map((data, i): ImportCsvRow => {
    const values: Record<string, string> = {};
    for (const column of columns) {
      const v = data[column];
      values[column] = typeof v === "string" ? v : "";
    }
    const shapeError = shapeErrors.get(i);
    return { rowNumber: i + 2, values, ...(shapeError ? { shapeError } : {}) };
  });
  return { columns, rows };
}

import "server-only";
import type { Actor } from "../auth/authorization";
import { csvDocument } from "../exports/csv-stream";
import { listImportRowErrors } from "./list-import-row-errors";

/**
 * The refused rows as CSV: row number, column, message, then the row's own cells — so the file can be fixed and
 * re-imported. Cells that a spreadsheet would run as a formula are neutralised (phone numbers are left as they are);
 * the document starts with a BOM and every line ends with CRLF.
 */
export async function exportImportErrorsCsv({ actor, importJobId }: { actor: Actor; importJobId: string }): Promise<string> {
  const errors = await listImportRowErrors({ actor, importJobId });
  const columns = [...new Set(errors.flatMap((e) => Object.keys(e.raw)))];
  const fields = ["row", "column", "error", ...columns];
  const data = errors.map((e) => [String(e.rowNumber), e.field ?? "", e.message, ...columns.map((c) => e.raw[c] ?? "")]);
  return csvDocument(fields, data);
}

import "server-only";
import Papa from "papaparse";
import type { Actor } from "../auth/authorization";
import { listImportRowErrors } from "./list-import-row-errors";

/**
 * The refused rows as CSV: row number, column, message, then the row's own cells — so the file can be fixed and
 * re-imported. Cells that a spreadsheet would run as a formula are neutralised (escapeFormulae).
 */
export async function exportImportErrorsCsv({ actor, importJobId }: { actor: Actor; importJobId: string }): Promise<string> {
  const errors = await listImportRowErrors({ actor, importJobId });
  const columns = [...new Set(errors.flatMap((e) => Object.keys(e.raw)))];
  const fields = ["row", "column", "error", ...columns];
  const data = errors.map((e) => [String(e.rowNumber), e.field ?? "", e.message, ...columns.map((c) => e.raw[c] ?? "")]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: "\r\n" });
}

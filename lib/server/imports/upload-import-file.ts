import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/import";
import { NUL_SYMBOL, toStorableText } from "@/lib/schemas/text-safety";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { parseImportCsv } from "./parse-import-csv";

export type UploadImportFileOptions = { actor: Actor; fileName: string; content: string; size: number };

/**
 * Stores an uploaded CSV as a DRAFT import (the file itself, so the worker can process it after the request ends)
 * and reads its header. Nothing about candidates is written until the mapping is confirmed.
 */
export async function uploadImportFile({ actor, fileName, content: uploaded, size }: UploadImportFileOptions): Promise<{ id: string }> {
  assertPermission(actor, "candidates.create");
  if (size > MAX_IMPORT_FILE_BYTES) throw new AppError("VALIDATION", "The file is larger than 20 MB. Split the export and import the parts.", { fieldErrors: { file: ["The file is larger than 20 MB"] } });
  // PostgreSQL can't store a NUL character: each becomes ␀, and the rows that had one in a column the import reads
  // are refused one by one at validation (map-import-row), naming the column, while the other rows import.
  const content = toStorableText(uploaded);
  const { columns, rows } = parseImportCsv(content, { limit: 1 });
  if (columns.some((c) => c.includes(NUL_SYMBOL))) {
    // NULs in the header mean the whole file is not UTF-8 text: UTF-16 (some spreadsheet exports) or binary.
    const message = "The file is not UTF-8 text (its header has NUL characters, as UTF-16 files do). Save it as “CSV UTF-8” and upload it again.";
    throw new AppError("VALIDATION", message, { fieldErrors: { file: [message] } });
  }
  if (columns.length === 0) throw new AppError("VALIDATION", "The file has no header row.", { fieldErrors: { file: ["The first line must name the columns"] } });
  if (rows.length === 0) throw new AppError("VALIDATION", "The file has a header but no rows.", { fieldErrors: { file: ["The file has no candidate rows"] } });
  const job = await getDb().importJob.create({
    data: { fileName: toStorableText(fileName).slice(0, 255), fileSize: size, content, columns, createdById: actor.id },
    select: { id: true },
  });
  return job;
}

import "server-only";
import { AppError } from "@/lib/errors";
import { MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/import";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { parseImportCsv } from "./parse-import-csv";

export type UploadImportFileOptions = { actor: Actor; fileName: string; content: string; size: number };

/**
 * Stores an uploaded CSV as a DRAFT import (the file itself, so the worker can process it after the request ends)
 * and reads its header. Nothing about candidates is written until the mapping is confirmed.
 */
export async function uploadImportFile({ actor, fileName, content, size }: UploadImportFileOptions): Promise<{ id: string }> {
  assertPermission(actor, "candidates.create");
  if (size > MAX_IMPORT_FILE_BYTES) throw new AppError("VALIDATION", "The file is larger than 20 MB. Split the export and import the parts.", { fieldErrors: { file: ["The file is larger than 20 MB"] } });
  const { columns, rows } = parseImportCsv(content, { limit: 1 });
  if (columns.length === 0) throw new AppError("VALIDATION", "The file has no header row.", { fieldErrors: { file: ["The first line must name the columns"] } });
  if (rows.length === 0) throw new AppError("VALIDATION", "The file has a header but no rows.", { fieldErrors: { file: ["The file has no candidate rows"] } });
  const job = await getDb().importJob.create({
    data: { fileName: fileName.slice(0, 255), fileSize: size, content, columns, createdById: actor.id },
    select: { id: true },
  });
  return job;
}

import "server-only";
import { AppError } from "@/lib/errors";
import { toStorableText } from "@/lib/schemas/text-safety";
import { IMPORT_FILE_TOO_LARGE_MESSAGE, MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/upload-limits";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb } from "../db";
import { parseImportCsv } from "./parse-import-csv";

export type UploadImportFileOptions = { actor: Actor; fileName: string; bytes: Uint8Array };

export const NOT_CSV_TEXT_MESSAGES = {
  binary:
    "This file is not a CSV text file: it contains binary data (it may be a spreadsheet, a PDF or an archive). Export the candidates from your ATS as CSV (UTF-8) and upload that file.",
  encoding:
    "This file is not a CSV text file in UTF-8, the encoding the import reads. Save it as “CSV UTF-8” (Excel: File → Save As) or export CSV (UTF-8) from your ATS, and upload it again.",
} as const;

/**
 * Stores an uploaded CSV as a DRAFT import (the file itself, so the worker can process it after the request ends)
 * and reads its header. Nothing about candidates is written until the mapping is confirmed. A file that isn't UTF-8
 * (or UTF-16 with a byte-order mark) text is refused before anything is stored.
 */
export async function uploadImportFile({ actor, fileName, bytes }: UploadImportFileOptions): Promise<{ id: string }> {
  assertPermission(actor, "candidates.create");
  if (bytes.length > MAX_IMPORT_FILE_BYTES) throw new AppError("VALIDATION", IMPORT_FILE_TOO_LARGE_MESSAGE, { fieldErrors: { file: ["The file is larger than 20 MB"] } });
  const content = decodeCsvText(bytes);
  const { columns, rows } = parseImportCsv(content, { limit: 1 });
  if (columns.length === 0) throw new AppError("VALIDATION", "The file has no header row.", { fieldErrors: { file: ["The first line must name the columns"] } });
  if (rows.length === 0) throw new AppError("VALIDATION", "The file has a header but no rows.", { fieldErrors: { file: ["The file has no candidate rows"] } });
  const job = await getDb().importJob.create({
    // A file name is whatever the browser sent: made storable (no NUL) like any other text.
    data: { fileName: toStorableText(fileName).slice(0, 255), fileSize: bytes.length, content, columns, createdById: actor.id },
    select: { id: true },
  });
  return job;
}

/**
 * The file as text: UTF-8 (with or without a byte-order mark), or UTF-16 with one (Excel's "Unicode text"). Bytes
 * that are not valid in that encoding, or NUL characters (which no text file has and PostgreSQL can't store), mean a
 * binary file or another encoding: a clear VALIDATION error, never garbled names or a failed insert.
 */
function decodeCsvText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? "utf-16le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "utf-16be" : "utf-8";
  let text: string;
  try {
    text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    throw notCsvText(bytes.includes(0) ? "binary" : "encoding");
  }
  if (text.includes("\u0000")) throw notCsvText("binary");
  return text;
}

function notCsvText(kind: keyof typeof NOT_CSV_TEXT_MESSAGES): AppError {
  const message = NOT_CSV_TEXT_MESSAGES[kind];
  return new AppError("VALIDATION", message, { fieldErrors: { file: [message] } });
}

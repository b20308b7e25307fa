import { NextResponse } from "next/server";
import { importUploadSchema } from "@/lib/schemas/import";
import { IMPORT_FILE_TOO_LARGE_MESSAGE, MAX_IMPORT_FILE_BYTES } from "@/lib/schemas/upload-limits";
import { uploadImportFile } from "@/lib/server/imports/upload-import-file";
import { parseUploadInput, readMultipartForm } from "@/lib/server/read-multipart-form";
import { withRoute } from "@/lib/server/route-handler";

// Step 1 of a CSV import: the file (multipart/form-data, field `file`, at most 20 MB) becomes a DRAFT import whose
// columns are mapped next. The body is read as a stream here (not in a server action, which would buffer it whole).
export const POST = withRoute({ name: "uploadImportFile", permission: "candidates.create" }, async ({ actor, request }) => {
  const form = await readMultipartForm(request, {
    files: { file: { maxBytes: MAX_IMPORT_FILE_BYTES, tooLargeMessage: () => IMPORT_FILE_TOO_LARGE_MESSAGE } },
  });
  const { file } = parseUploadInput(importUploadSchema, { file: form.files.file?.[0] });
  const { id } = await uploadImportFile({ actor, fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  const location = `/api/imports/${id}`;
  return NextResponse.json({ import: { id, location, mappingPage: `/candidates/import/${id}` } }, { status: 201, headers: { location, "cache-control": "no-store" } });
});

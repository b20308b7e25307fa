import { NextResponse } from "next/server";
import { resumeUploadSchema } from "@/lib/intake/resume-text";
import { MAX_RESUME_FILE_BYTES, RESUME_FILE_TOO_LARGE_MESSAGE } from "@/lib/schemas/upload-limits";
import { extractResumeText } from "@/lib/server/candidates/extract-resume-text";
import { parseUploadInput, readMultipartForm } from "@/lib/server/read-multipart-form";
import { withRoute } from "@/lib/server/route-handler";

// The application stage's "load the text from a résumé file": the file (multipart/form-data, field `file`, PDF, DOCX
// or TXT, at most 5 MB) is read on this server in a worker thread and its text comes back for the form. Nothing is
// stored. ADR 0004.
export const POST = withRoute({ name: "extractResumeText", permission: "candidates.create" }, async ({ actor, request }) => {
  const form = await readMultipartForm(request, { files: { file: { maxBytes: MAX_RESUME_FILE_BYTES, tooLargeMessage: () => RESUME_FILE_TOO_LARGE_MESSAGE } } });
  const { file } = parseUploadInput(resumeUploadSchema, { file: form.files.file?.[0] });
  const result = await extractResumeText({ actor, file });
  return NextResponse.json({ resume: result }, { headers: { "cache-control": "no-store" } });
});

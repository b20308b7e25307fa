"use server";

import type { ActionResult } from "@/lib/errors";
import { resumeUploadSchema, type ExtractedResumeText } from "@/lib/intake/resume-text";
import { createAction } from "@/lib/server/action-client";
import { createCandidate } from "@/lib/server/candidates/create-candidate";
import { extractResumeText } from "@/lib/server/candidates/extract-resume-text";
import { candidateCreateFormSchema } from "@/lib/schemas/candidate";

export const createCandidateAction = createAction(
  {
    name: "createCandidate",
    permission: "candidates.create",
    schema: candidateCreateFormSchema,
    revalidate: ["/candidates"],
    redirectTo: (data: { id: string; replayed: boolean; screeningId: string }) => `/candidates/${data.id}?created=1`,
  },
  async ({ actor, input: { idempotencyKey, ...input }, meta }) => createCandidate({ actor, input, idempotencyKey, meta }),
);

const extractResumeTextFromUpload = createAction(
  {
    name: "extractResumeText",
    permission: "candidates.create",
    schema: resumeUploadSchema,
  },
  // The file is read only here, after the wrapper has checked the session, the permission, the size and the type.
  async ({ actor, input }) => extractResumeText({ actor, file: input.file }),
);

/** `createAction` reads a FormData's string fields only, so the upload is handed over as a plain payload. */
export async function extractResumeTextAction(prev: ActionResult<ExtractedResumeText> | null, formData: FormData): Promise<ActionResult<ExtractedResumeText>> {
  return extractResumeTextFromUpload(prev, { file: formData.get("file") as File });
}

"use server";

import type { ActionResult } from "@/lib/errors";
import { importStartFormSchema, importUploadSchema } from "@/lib/schemas/import";
import { createAction } from "@/lib/server/action-client";
import { startImportJob } from "@/lib/server/imports/start-import-job";
import { uploadImportFile } from "@/lib/server/imports/upload-import-file";

const uploadAction = createAction(
  {
    name: "uploadImportFile",
    permission: "candidates.create",
    schema: importUploadSchema,
    redirectTo: (data: { id: string }) => `/candidates/import/${data.id}`,
  },
  // The file is read only here, after the wrapper has checked the session, the permission and the size.
  async ({ actor, input }) => uploadImportFile({ actor, fileName: input.file.name, size: input.file.size, content: await input.file.text() }),
);

/** `createAction` reads a FormData's string fields only, so the upload is handed over as a plain payload. */
export async function uploadImportFileAction(prev: ActionResult<{ id: string }> | null, formData: FormData): Promise<ActionResult<{ id: string }>> {
  return uploadAction(prev, { file: formData.get("file") as File });
}

export const startImportJobAction = createAction(
  {
    name: "startImportJob",
    permission: "candidates.create",
    schema: importStartFormSchema,
    revalidate: ["/candidates/import", "/candidates"],
    redirectTo: (data: { id: string }) => `/candidates/import/${data.id}`,
  },
  async ({ actor, input, meta }) => {
    // The selects are named map.<field>; the use case checks them against the file's columns.
    const mapping = Object.fromEntries(Object.entries(input).flatMap(([k, v]) => (k.startsWith("map.") ? [[k.slice(4), v]] : [])));
    return startImportJob({ actor, importJobId: input.jobId, mapping, meta });
  },
);

"use server";

import type { ActionResult } from "@/lib/errors";
import { createAction } from "@/lib/server/action-client";
import { enqueueRescreen } from "@/lib/server/jobs/enqueue-rescreen";
import { importSanctionsList } from "@/lib/server/sanctions/import-sanctions-list";
import { sanctionsListVersion } from "@/lib/server/sanctions/load-sanctions-list";
import { decodeSanctionsFile } from "@/lib/server/sanctions/parse-sanctions-files";
import { sanctionsUploadSchema } from "@/lib/server/sanctions/sanctions-upload-schema";

export type SanctionsImportOutcome = {
  status: "imported" | "unchanged" | "reactivated";
  listVersion: string;
  entryCount: number;
  aliasCount: number;
  addressCount: number | null;
};

const importAction = createAction(
  { name: "importSanctionsList", permission: "sanctions.manage", schema: sanctionsUploadSchema, revalidate: ["/admin/sanctions"] },
  async ({ actor, input, meta }): Promise<SanctionsImportOutcome> => {
    // Files are read only here, after the wrapper has checked the session, the permission and the sizes.
    const files = await Promise.all(input.files.map(async (f) => ({ name: f.name, content: decodeSanctionsFile(new Uint8Array(await f.arrayBuffer())) })));
    const result = await importSanctionsList({ actor, files, publishedAt: input.publishedAt, meta });
    // A new active list re-screens every active candidate in the background (after the import has committed).
    if (result.status !== "unchanged") await queueRescreen(result.status === "imported" ? result.list.id : `${result.list.id}@${new Date().toISOString()}`, actor.id);
    return {
      status: result.status,
      listVersion: sanctionsListVersion(result.list),
      entryCount: result.list.entryCount,
      aliasCount: result.list.aliasCount,
      addressCount: result.status === "imported" ? result.addressCount : null,
    };
  },
);

/**
 * The upload form's action. `createAction` reads a FormData's string fields only, and uploads arrive as File
 * objects, so they are handed over as a plain payload; the wrapper's order (session → permission → parse → use
 * case) is unchanged. The date is echoed back on a validation error so the form keeps it.
 */
export async function importSanctionsListAction(prev: ActionResult<SanctionsImportOutcome> | null, formData: FormData): Promise<ActionResult<SanctionsImportOutcome>> {
  const publishedAt = formData.get("publishedAt");
  const result = await importAction(prev, { files: formData.getAll("files"), publishedAt: typeof publishedAt === "string" ? publishedAt : null });
  if (result.ok || result.code === "UNAUTHENTICATED" || result.code === "FORBIDDEN") return result;
  return { ...result, values: { publishedAt: typeof publishedAt === "string" ? publishedAt : "" } };
}

/** The list is imported either way; a queue failure is logged, not reported as a failed import. */
async function queueRescreen(subjectId: string, actorId: string) {
  try {
    await enqueueRescreen({ reason: "SANCTIONS_LIST", subjectId, actorId });
  } catch (error) {
    console.error("[sanctions] could not queue the re-screen", error);
  }
}

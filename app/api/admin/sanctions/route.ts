import { NextResponse } from "next/server";
import { MAX_SANCTIONS_FILE_BYTES, MAX_SANCTIONS_FILES, sanctionsFileTooLargeMessage } from "@/lib/schemas/upload-limits";
import { enqueueRescreen } from "@/lib/server/jobs/enqueue-rescreen";
import { parseUploadInput, readMultipartForm } from "@/lib/server/read-multipart-form";
import { withRoute } from "@/lib/server/route-handler";
import { importSanctionsList } from "@/lib/server/sanctions/import-sanctions-list";
import { sanctionsListVersion } from "@/lib/server/sanctions/load-sanctions-list";
import { decodeSanctionsFile } from "@/lib/server/sanctions/parse-sanctions-files";
import { sanctionsUploadSchema } from "@/lib/server/sanctions/sanctions-upload-schema";

type SanctionsImportOutcome = {
  status: "imported" | "unchanged" | "reactivated";
  listVersion: string;
  entryCount: number;
  aliasCount: number;
  addressCount: number | null;
};

// The admin page's list import: OFAC's files (multipart/form-data, field `files`: SDN.XML alone or sdn.csv with
// alt.csv and add.csv, at most 50 MB each) and `publishedAt` (YYYY-MM-DD, required for the CSV set). Read as a
// stream: SDN.XML is ~30 MB, more than a server action or the proxy would pass.
export const POST = withRoute({ name: "importSanctionsList", permission: "sanctions.manage" }, async ({ actor, meta, request }) => {
  const form = await readMultipartForm(request, {
    files: { files: { maxBytes: MAX_SANCTIONS_FILE_BYTES, maxCount: MAX_SANCTIONS_FILES, tooLargeMessage: sanctionsFileTooLargeMessage } },
    fields: ["publishedAt"],
  });
  const input = parseUploadInput(sanctionsUploadSchema, { files: form.files.files ?? [], publishedAt: form.fields.publishedAt ?? null });
  const files = await Promise.all(input.files.map(async (f) => ({ name: f.name, content: decodeSanctionsFile(new Uint8Array(await f.arrayBuffer())) })));
  const result = await importSanctionsList({ actor, files, publishedAt: input.publishedAt, meta });
  // A new active list re-screens every active candidate in the background (after the import has committed).
  if (result.status !== "unchanged") await queueRescreen(result.status === "imported" ? result.list.id : `${result.list.id}@${new Date().toISOString()}`, actor.id);
  const outcome: SanctionsImportOutcome = {
    status: result.status,
    listVersion: sanctionsListVersion(result.list),
    entryCount: result.list.entryCount,
    aliasCount: result.list.aliasCount,
    addressCount: result.status === "imported" ? result.addressCount : null,
  };
  return NextResponse.json({ sanctionsList: outcome }, { status: result.status === "imported" ? 201 : 200, headers: { "cache-control": "no-store" } });
});

/** The list is imported either way; a queue failure is logged, not reported as a failed import. */
async function queueRescreen(subjectId: string, actorId: string) {
  try {
    await enqueueRescreen({ reason: "SANCTIONS_LIST", subjectId, actorId });
  } catch (error) {
    console.error("[sanctions] could not queue the re-screen", error);
  }
}

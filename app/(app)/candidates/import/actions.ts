"use server";

import { importStartFormSchema } from "@/lib/schemas/import";
import { createAction } from "@/lib/server/action-client";
import { startImportJob } from "@/lib/server/imports/start-import-job";

// The upload itself is POST /api/imports (a route handler reads the file as a stream; an action would buffer it).

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

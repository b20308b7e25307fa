import "server-only";
import { z } from "zod";
import { MAX_SANCTIONS_FILE_BYTES, MAX_SANCTIONS_FILES, sanctionsFileTooLargeMessage } from "@/lib/schemas/upload-limits";

// The upload's input. It lives here rather than in lib/schemas because it validates File objects (server side, after
// the route's session and permission checks; POST /api/admin/sanctions) and is shared with the CLI.

export { MAX_SANCTIONS_FILE_BYTES };

/** YYYY-MM-DD (blank → undefined) → a UTC midnight Date; not in the future (a typo, not a publication). */
export const sanctionsPublishedAtSchema = z
  .string()
  .nullish()
  .transform((v) => v?.trim() || undefined)
  .pipe(z.iso.date("Use the format YYYY-MM-DD.").optional())
  .transform((v) => (v ? new Date(`${v}T00:00:00Z`) : undefined))
  .refine((d) => !d || d.getTime() <= Date.now() + 24 * 3600 * 1000, "The publication date can't be in the future.");

const uploadedFile = z.custom<File>((v) => typeof File !== "undefined" && v instanceof File, "Upload files, not text.");

export const sanctionsUploadSchema = z.object({
  files: z
    .array(z.unknown())
    // A file input left empty still posts one nameless, empty part.
    .transform((items) => items.filter((v) => !(typeof File !== "undefined" && v instanceof File && v.name === "" && v.size === 0)))
    .pipe(
      z
        .array(uploadedFile)
        .min(1, "Choose the list's files: SDN.XML, or sdn.csv with alt.csv and add.csv.")
        .max(MAX_SANCTIONS_FILES, "Upload at most three files: sdn.csv, alt.csv and add.csv, or SDN.XML alone."),
    )
    .superRefine((files, ctx) => {
      for (const f of files) {
        if (f.size > MAX_SANCTIONS_FILE_BYTES) ctx.addIssue({ code: "custom", message: sanctionsFileTooLargeMessage(f.name) });
      }
    }),
  publishedAt: sanctionsPublishedAtSchema,
});

export type SanctionsUploadInput = z.output<typeof sanctionsUploadSchema>;

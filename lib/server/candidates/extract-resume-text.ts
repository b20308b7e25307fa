import "server-only";
import { extractTextFromResumeFile, type ExtractedResumeText, type ResumeFile } from "@/lib/intake/resume-text";
import { assertPermission, type Actor } from "../auth/authorization";

export type ExtractResumeTextOptions = { actor: Actor; file: ResumeFile };

/**
 * The text of an uploaded résumé (PDF, DOCX or TXT), read on this server without any network call, for the
 * application form's "Résumé text" field. Nothing is stored and nothing is screened here: the text goes back to the
 * form, and the recruiter reviews it and saves the stage as usual. The file is read only after the permission check.
 */
export async function extractResumeText({ actor, file }: ExtractResumeTextOptions): Promise<ExtractedResumeText> {
  assertPermission(actor, "candidates.create");
  return extractTextFromResumeFile(file);
}

// The documented size limits of the three file uploads, and what is said when a file is over one, in one place: the
// route handlers enforce them while reading the multipart body (413 as soon as one is crossed), the forms check them
// before sending anything, and the help texts quote them.

const MB = 1024 * 1024;

/** A CSV export from an ATS (POST /api/imports): ~100k candidates fit. */
export const MAX_IMPORT_FILE_BYTES = 20 * MB;
export const IMPORT_FILE_TOO_LARGE_MESSAGE = "The file is larger than 20 MB. Split the export and import the parts.";

/** Each of OFAC's SDN files (POST /api/admin/sanctions): SDN.XML is ~30 MB today. */
export const MAX_SANCTIONS_FILE_BYTES = 50 * MB;
/** SDN.XML alone, or sdn.csv with alt.csv and add.csv. */
export const MAX_SANCTIONS_FILES = 3;
export function sanctionsFileTooLargeMessage(fileName: string): string {
  return `${fileName} is larger than 50 MB: that is not an OFAC SDN file.`;
}

/** A résumé (POST /api/resume-text): a text résumé is rarely over 1 MB; a designed PDF can be 3–4. */
export const MAX_RESUME_FILE_BYTES = 5 * MB;
export const RESUME_FILE_TOO_LARGE_MESSAGE = "The file is larger than 5 MB. Save a smaller copy (text only), or paste the text instead.";

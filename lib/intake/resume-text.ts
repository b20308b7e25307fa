import { inflateRawSync } from "node:zlib";
import { z } from "zod";
import { AppError } from "@/lib/errors";

// Text from a résumé file (PDF, DOCX or plain text), read on our server: no network, no cloud service, no office
// suite. PDFs go through pdf.js (the `unpdf` build: no worker, no canvas, no dependencies); DOCX is a zip of XML
// parts, read here with node:zlib. Nothing here touches the framework, so it is tested with plain files
// (tests/unit/resume-text.test.ts). Why this way: docs/decisions/0004-resume-extraction.md.
//
// Server only in practice (node:zlib, pdf.js): client components may import types from here, never values.

/** Larger files are refused before they are read. A text résumé is rarely over 1 MB; a designed PDF can be 3–4. */
export const MAX_RESUME_FILE_BYTES = 5 * 1024 * 1024;
/** The profile's limit for `observations.resumeText` (lib/schemas/profile.ts); the unit tests check they agree. */
export const MAX_RESUME_TEXT_CHARS = 200_000;
/** Pages read from a PDF. The serverless pdf.js parses on the request's thread, so a huge file must not run on. */
export const MAX_RESUME_PDF_PAGES = 50;
/** A DOCX part is refused past this size once inflated: a 5 MB zip could otherwise unpack to gigabytes. */
const MAX_DOCX_PART_BYTES = 32 * 1024 * 1024;

export type ResumeFormat = "pdf" | "docx" | "txt";

export type ExtractedResumeText = {
  text: string;
  format: ResumeFormat;
  /** True when part of the file's text was left out; `notice` then says which part. */
  truncated: boolean;
  notice?: string;
};

/** What is read from an upload; a `File` is one. */
export type ResumeFile = { name: string; type: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

export const RESUME_FILE_MESSAGES = {
  empty: "The file is empty.",
  tooLarge: "The file is larger than 5 MB. Save a smaller copy (text only), or paste the text instead.",
  unsupported: "Only PDF, DOCX and TXT files can be read. Save the résumé in one of these formats, or paste the text instead.",
  pdfPassword: "This PDF is password-protected. Ask for an unprotected copy, or paste the text instead.",
  pdfCorrupt: "This PDF can't be read: it is damaged or not really a PDF. Ask for a new copy, or paste the text instead.",
  pdfNoText: "This PDF has no text layer (it is probably a scan); paste the text instead.",
  docxProtected: "This Word file is password-protected or in the old .doc format. Save it as an unprotected .docx or PDF, or paste the text instead.",
  docxCorrupt: "This DOCX file can't be read: it is damaged or not really a Word document. Ask for a new copy, or paste the text instead.",
  docxNoText: "This Word document has no text; paste the text instead.",
  txtBinary: "This file isn't plain text. Upload a PDF, DOCX or TXT file, or paste the text instead.",
  txtNoText: "This text file has no text in it.",
} as const;

const FORMAT_BY_EXTENSION: Record<string, ResumeFormat> = { pdf: "pdf", docx: "docx", txt: "txt", text: "txt" };
const FORMAT_BY_MEDIA_TYPE: Record<string, ResumeFormat> = {
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "text/plain": "txt",
};

/**
 * The format named by the file's extension, or by its media type when the name has none. The extension wins because
 * browsers derive the type from it anyway, and some send `application/octet-stream` for .docx. The content is
 * checked when it is parsed: a renamed file fails there with the damaged-file message.
 */
export function resumeFormatOf(file: { name: string; type: string }): ResumeFormat | null {
  const extension = /\.([^./\\]+)$/.exec(file.name)?.[1]?.toLowerCase();
  if (extension) return FORMAT_BY_EXTENSION[extension] ?? null;
  return FORMAT_BY_MEDIA_TYPE[file.type.split(";")[0].trim().toLowerCase()] ?? null;
}

/** The server action's input: checked before the file is read (the wrapper parses it after the permission check). */
export const resumeUploadSchema = z.object({
  file: z
    .file("Choose a PDF, DOCX or TXT file.")
    .min(1, RESUME_FILE_MESSAGES.empty)
    .max(MAX_RESUME_FILE_BYTES, RESUME_FILE_MESSAGES.tooLarge)
    .refine((file) => resumeFormatOf(file) !== null, RESUME_FILE_MESSAGES.unsupported),
});

function invalidFile(message: string, cause?: unknown): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { file: [message] }, cause });
}

/**
 * The normalised text of a PDF, DOCX or TXT résumé, at most MAX_RESUME_TEXT_CHARS characters. Bad input (too large,
 * another format, damaged, password-protected, no text) throws an AppError("VALIDATION") whose message says what to
 * do; anything else is a bug and is thrown as it is.
 */
export async function extractTextFromResumeFile(file: ResumeFile): Promise<ExtractedResumeText> {
  const format = resumeFormatOf(file);
  if (!format) throw invalidFile(RESUME_FILE_MESSAGES.unsupported);
  if (file.size > MAX_RESUME_FILE_BYTES) throw invalidFile(RESUME_FILE_MESSAGES.tooLarge);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw invalidFile(RESUME_FILE_MESSAGES.empty);
  if (bytes.length > MAX_RESUME_FILE_BYTES) throw invalidFile(RESUME_FILE_MESSAGES.tooLarge);

  const raw: { text: string; pagesSkipped?: number } =
    format === "pdf" ? await readPdfText(bytes) : format === "docx" ? readDocxText(bytes) : { text: readPlainText(bytes) };
  const { text, truncated } = normaliseResumeText(raw.text);
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw invalidFile(format === "pdf" ? RESUME_FILE_MESSAGES.pdfNoText : format === "docx" ? RESUME_FILE_MESSAGES.docxNoText : RESUME_FILE_MESSAGES.txtNoText);
  }
  const notice = truncated
    ? `The text was longer than ${MAX_RESUME_TEXT_CHARS.toLocaleString("en-US")} characters: only the first ${MAX_RESUME_TEXT_CHARS.toLocaleString("en-US")} were kept.`
    : raw.pagesSkipped
      ? `Only the first ${MAX_RESUME_PDF_PAGES} of the PDF's ${MAX_RESUME_PDF_PAGES + raw.pagesSkipped} pages were read.`
      : undefined;
  return { text, format, truncated: truncated || Boolean(raw.pagesSkipped), ...(notice ? { notice } : {}) };
}

/** Control characters (except tab and newline), soft hyphens, zero-width spaces and byte-order marks carry no text. */
const INVISIBLE = /[\u0000-\u0008\u000e-\u001f\u007f\u00ad\u200b\ufeff]/g;

/**
 * One text shape whatever the source: NFC, `\n` line ends, runs of spaces/tabs as one space, no spaces around line
 * ends, at most one blank line in a row, trimmed; then cut to MAX_RESUME_TEXT_CHARS (never inside a surrogate pair).
 * Résumé linkage compares word shingles, so the same résumé reads the same from a PDF, a DOCX or a paste.
 */
export function normaliseResumeText(raw: string): { text: string; truncated: boolean } {
  const text = raw
    .normalize("NFC")
    .replace(/\r\n?|[\u000b\u000c\u2028\u2029]/g, "\n")
    .replace(INVISIBLE, "")
    .replace(/[^\S\n]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (text.length <= MAX_RESUME_TEXT_CHARS) return { text, truncated: false };
  const end = /[\ud800-\udbff]/.test(text[MAX_RESUME_TEXT_CHARS - 1]) ? MAX_RESUME_TEXT_CHARS - 1 : MAX_RESUME_TEXT_CHARS;
  return { text: text.slice(0, end).trimEnd(), truncated: true };
}

// ── PDF ─────────────────────────────────────────────────────────────────────────────────────────────────────────

/** pdf.js's names for errors caused by the file rather than by our code. */
const PDFJS_FILE_ERRORS = new Set(["InvalidPDFException", "FormatError", "UnknownErrorException", "MissingPDFException", "ResponseException"]);

function pdfFileError(error: unknown): unknown {
  const name = error instanceof Error ? error.name : "";
  if (name === "PasswordException") return invalidFile(RESUME_FILE_MESSAGES.pdfPassword, error);
  if (PDFJS_FILE_ERRORS.has(name)) return invalidFile(RESUME_FILE_MESSAGES.pdfCorrupt, error);
  return error;
}

async function readPdfText(bytes: Uint8Array): Promise<{ text: string; pagesSkipped?: number }> {
  // Loaded on first use: pdf.js is ~2 MB of code that the other actions in the same module don't need.
  const { getDocumentProxy } = await import("unpdf");
  // A PDF that only restricts printing or copying (an owner password) opens without a password and is read; one that
  // needs a password to open is refused. Fonts aren't loaded: text content doesn't need them.
  const pdf = await getDocumentProxy(bytes, { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false }).catch((error: unknown) => {
    throw pdfFileError(error);
  });
  try {
    const pages: string[] = [];
    let length = 0;
    const last = Math.min(pdf.numPages, MAX_RESUME_PDF_PAGES);
    // Page by page, stopping once there is more text than can be kept.
    for (let n = 1; n <= last && length <= MAX_RESUME_TEXT_CHARS; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join("");
      page.cleanup();
      pages.push(text);
      length += text.length;
    }
    const pagesSkipped = length <= MAX_RESUME_TEXT_CHARS ? pdf.numPages - last : 0;
    return { text: pages.join("\n\n"), ...(pagesSkipped > 0 ? { pagesSkipped } : {}) };
  } catch (error) {
    throw pdfFileError(error);
  } finally {
    await pdf.destroy();
  }
}

// ── DOCX ────────────────────────────────────────────────────────────────────────────────────────────────────────

class DocxFormatError extends Error {
  override name = "DocxFormatError";
}

function readDocxText(bytes: Uint8Array): { text: string } {
  // Encrypted Office files and Word 97–2003 files are OLE compound files, not zips.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw invalidFile(RESUME_FILE_MESSAGES.docxProtected);
  try {
    const zip = new ZipReader(bytes);
    const main = mainDocumentPart(zip);
    const folder = main.slice(0, main.lastIndexOf("/") + 1);
    // Many résumé templates put the name and contact details in the page header; Word repeats one header per
    // section kind (first page, even, default), so identical ones are kept once. Footers (page numbers) are skipped.
    const headers = [...zip.names()]
      .filter((name) => name.startsWith(folder) && /^header\d*\.xml$/.test(name.slice(folder.length)))
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }))
      .map((name) => wordXmlText(zip.text(name)).trim())
      .filter((text, i, all) => text && all.indexOf(text) === i);
    return { text: [...headers, wordXmlText(zip.text(main))].join("\n\n") };
  } catch (error) {
    if (error instanceof DocxFormatError || error instanceof RangeError || (error instanceof Error && "code" in error && String(error.code).startsWith("Z_"))) {
      throw invalidFile(RESUME_FILE_MESSAGES.docxCorrupt, error);
    }
    throw error;
  }
}

/** The main document part named by the package relationships (`word/document.xml` in every Word-made file). */
function mainDocumentPart(zip: ZipReader): string {
  const rels = zip.has("_rels/.rels") ? zip.text("_rels/.rels") : "";
  for (const [tag] of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const type = /\bType="([^"]*)"/.exec(tag)?.[1] ?? "";
    const target = /\bTarget="([^"]*)"/.exec(tag)?.[1];
    if (target && type.endsWith("/officeDocument")) {
      const name = target.replace(/^\//, "");
      if (zip.has(name)) return name;
    }
  }
  if (zip.has("word/document.xml")) return "word/document.xml";
  throw new DocxFormatError("no main document part");
}

/**
 * The text of a WordprocessingML part: `<w:t>` runs, with tabs, line breaks and paragraph ends as whitespace.
 * Deleted revisions (`<w:delText>`) and field codes (`<w:instrText>`) are not text and are skipped by construction.
 */
export function wordXmlText(xml: string): string {
  // Word writes each text box twice (a DrawingML shape, and a VML fallback for old readers): keep the first.
  const source = xml.replace(/<mc:Fallback\b[\s\S]*?<\/mc:Fallback>/g, "");
  let out = "";
  let inText = false;
  let inTabStops = 0;
  for (const m of source.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|([^<]+)/g)) {
    const [, closing, local, selfClosing, chars] = m;
    if (chars !== undefined) {
      if (inText) out += decodeXmlEntities(chars);
      continue;
    }
    const opening = !closing && !selfClosing;
    switch (local) {
      case "t": // w:t, and a:t / m:t for text in shapes and equations
        inText = opening;
        break;
      case "tabs": // tab stop definitions in paragraph properties, not tab characters
        if (opening) inTabStops++;
        else if (closing) inTabStops--;
        break;
      case "tab":
        if (!closing && inTabStops === 0) out += "\t";
        break;
      case "br":
      case "cr":
        if (!closing) out += "\n";
        break;
      case "p":
        if (!opening) out += "\n";
        break;
      case "noBreakHyphen":
        out += "-";
        break;
    }
  }
  return out;
}

const XML_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeXmlEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, ref: string) => {
    if (ref[0] !== "#") return XML_ENTITIES[ref] ?? whole;
    const code = ref[1] === "x" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
  });
}

/**
 * Just enough of the zip format (APPNOTE.TXT) for an OOXML package: the central directory, stored and deflated
 * entries. Zip64 and encrypted entries are refused (no résumé needs them). Every offset is checked against the
 * buffer, and inflating stops at MAX_DOCX_PART_BYTES.
 */
class ZipReader {
  private readonly view: DataView;
  private readonly entries = new Map<string, { method: number; flags: number; compressedSize: number; size: number; offset: number }>();

  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // The end-of-central-directory record: 22 bytes plus a comment of up to 65,535 bytes, at the end of the file.
    let end = -1;
    for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
      if (this.u32(i) === 0x06054b50) {
        end = i;
        break;
      }
    }
    if (end < 0) throw new DocxFormatError("not a zip file");
    const count = this.u16(end + 10);
    let p = this.u32(end + 16);
    const names = new TextDecoder();
    for (let i = 0; i < count; i++) {
      if (p + 46 > bytes.length || this.u32(p) !== 0x02014b50) throw new DocxFormatError("damaged central directory");
      const nameLength = this.u16(p + 28);
      const name = names.decode(bytes.subarray(p + 46, p + 46 + nameLength));
      this.entries.set(name, { flags: this.u16(p + 8), method: this.u16(p + 10), compressedSize: this.u32(p + 20), size: this.u32(p + 24), offset: this.u32(p + 42) });
      p += 46 + nameLength + this.u16(p + 30) + this.u16(p + 32);
    }
  }

  names(): Iterable<string> {
    return this.entries.keys();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  text(name: string): string {
    return new TextDecoder().decode(this.read(name));
  }

  private read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw new DocxFormatError(`missing ${name}`);
    if (entry.flags & 1) throw new DocxFormatError(`${name} is encrypted`);
    if (entry.size > MAX_DOCX_PART_BYTES) throw new DocxFormatError(`${name} is too large`);
    const p = entry.offset;
    if (p + 30 > this.bytes.length || this.u32(p) !== 0x04034b50) throw new DocxFormatError(`damaged entry ${name}`);
    const start = p + 30 + this.u16(p + 26) + this.u16(p + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new DocxFormatError(`truncated entry ${name}`);
    if (entry.method === 0) return data;
    // Past maxOutputLength inflateRawSync throws a RangeError (a zip bomb, or a lying size field).
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: MAX_DOCX_PART_BYTES });
    throw new DocxFormatError(`unsupported compression in ${name}`);
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }
}

// ── Plain text ──────────────────────────────────────────────────────────────────────────────────────────────────

/** UTF-8 (with or without a BOM), UTF-16 with a BOM, or else Windows-1252 (what Notepad wrote for years). */
function readPlainText(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes);
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes);
  else {
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      text = new TextDecoder("windows-1252").decode(bytes);
    }
    // Text files have no NUL bytes; a PDF or an image renamed to .txt has plenty.
    if (text.includes("\u0000")) throw invalidFile(RESUME_FILE_MESSAGES.txtBinary);
  }
  return text;
}

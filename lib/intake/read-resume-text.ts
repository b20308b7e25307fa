import { inflateRawSync } from "node:zlib";

// The reading itself: PDF through pdf.js (the `unpdf` build: no worker of its own, no canvas, no dependencies), DOCX
// with our zip reader and node:zlib, TXT by decoding. It runs inside the résumé worker (resume-text-worker.ts,
// started by extractTextFromResumeFile in resume-text.ts), never on a request's thread: a hostile file can cost
// seconds of CPU and, without the budgets below, gigabytes. Nothing here touches the framework or a database
// (ADR 0004). Why this way: docs/decisions/0004-resume-extraction.md.

/** The profile's limit for `observations.resumeText` (lib/schemas/profile.ts); the unit tests check they agree. */
export const MAX_RESUME_TEXT_CHARS = 200_000;
/** Pages read from a PDF: a 300-page file must not run on. */
export const MAX_RESUME_PDF_PAGES = 50;
/**
 * What a DOCX may unpack to: per part, and for all the parts read together (document, headers, package
 * relationships). A résumé's document.xml is well under 1 MB; a 5 MB zip could otherwise unpack to gigabytes — the
 * security review's 785 KB file held ten headers of 31 MB each, each under a per-part limit alone.
 */
export const DOCX_UNPACK_BUDGET = { perPartBytes: 16 * 1024 * 1024, totalBytes: 32 * 1024 * 1024 } as const;

export type ResumeFormat = "pdf" | "docx" | "txt";

export type ExtractedResumeText = {
  text: string;
  format: ResumeFormat;
  /** True when part of the file's text was left out; `notice` then says which part. */
  truncated: boolean;
  notice?: string;
};

/** Why a file could not be read: each has a message for the person uploading it (RESUME_FILE_MESSAGES). */
export type ResumeFileProblem =
  | "pdfPassword"
  | "pdfCorrupt"
  | "pdfNoText"
  | "docxProtected"
  | "docxCorrupt"
  | "docxTooLarge"
  | "docxNoText"
  | "txtBinary"
  | "txtNoText";

/** Bad input, as opposed to a bug: the caller shows the problem's message beside the file input. */
export class ResumeFileError extends Error {
  override name = "ResumeFileError";
  constructor(
    readonly problem: ResumeFileProblem,
    options?: { cause?: unknown },
  ) {
    super(problem, options);
  }
}

export type ReadResumeTextOptions = { docxBudget?: { perPartBytes: number; totalBytes: number } };

/**
 * The normalised text of a PDF, DOCX or TXT file's bytes, at most MAX_RESUME_TEXT_CHARS characters. Bad input
 * (damaged, password-protected, no text, a DOCX over its unpack budget) throws a ResumeFileError; anything else is a
 * bug and is thrown as it is.
 */
export async function readResumeText(bytes: Uint8Array, format: ResumeFormat, options: ReadResumeTextOptions = {}): Promise<ExtractedResumeText> {
  const raw: { text: string; pagesSkipped?: number; cut?: boolean } =
    format === "pdf" ? await readPdfText(bytes) : format === "docx" ? readDocxText(bytes, options.docxBudget ?? DOCX_UNPACK_BUDGET) : { text: readPlainText(bytes) };
  const normalised = normaliseResumeText(raw.text);
  const text = normalised.text;
  const truncated = normalised.truncated || Boolean(raw.cut);
  if (!/[\p{L}\p{N}]/u.test(text)) throw new ResumeFileError(format === "pdf" ? "pdfNoText" : format === "docx" ? "docxNoText" : "txtNoText");
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
  if (name === "PasswordException") return new ResumeFileError("pdfPassword", { cause: error });
  if (PDFJS_FILE_ERRORS.has(name)) return new ResumeFileError("pdfCorrupt", { cause: error });
  return error;
}

async function readPdfText(bytes: Uint8Array): Promise<{ text: string; pagesSkipped?: number }> {
  // Loaded on first use: pdf.js is ~2 MB of code that DOCX and TXT files don't need.
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

/** The parts to read would unpack to more than the budget allows (declared sizes, or found while inflating). */
class DocxBudgetError extends Error {
  override name = "DocxBudgetError";
}

/**
 * Text taken from a DOCX's parts before normalising: well past what is kept (MAX_RESUME_TEXT_CHARS), so whitespace
 * collapsing can't leave too little, and small enough that the worker's heap never nears its limit — V8 aborts the
 * whole process, not just the worker, when one big string operation crosses it.
 */
const MAX_DOCX_RAW_TEXT_CHARS = 4 * MAX_RESUME_TEXT_CHARS;

function readDocxText(bytes: Uint8Array, budget: { perPartBytes: number; totalBytes: number }): { text: string; cut: boolean } {
  // Encrypted Office files and Word 97–2003 files are OLE compound files, not zips.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) throw new ResumeFileError("docxProtected");
  try {
    const zip = new ZipReader(bytes, budget);
    const main = mainDocumentPart(zip);
    const folder = main.slice(0, main.lastIndexOf("/") + 1);
    // Many résumé templates put the name and contact details in the page header; Word repeats one header per
    // section kind (first page, even, default), so identical ones are kept once. Footers (page numbers) are skipped.
    const headerParts = [...zip.names()]
      .filter((name) => name.startsWith(folder) && /^header\d*\.xml$/.test(name.slice(folder.length)))
      .sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    // Every part is unpacked (outside the JS heap, within the budget) before any XML is parsed: a file over the
    // budget is refused after milliseconds of inflating — or at once, when the sizes it declares are already too
    // large — not after seconds of parsing. Then the parts are decoded and parsed one at a time.
    zip.assertWithinBudget([main, ...headerParts]);
    const parts = [...headerParts, main].map((name) => zip.read(name));
    let room = MAX_DOCX_RAW_TEXT_CHARS;
    const texts = parts.map((part) => {
      const text = room > 0 ? wordXmlText(new TextDecoder().decode(part), room) : "";
      room -= text.length;
      return text;
    });
    const mainText = texts.pop() ?? "";
    const headers = texts.map((text) => text.trim()).filter((text, i, all) => text && all.indexOf(text) === i);
    return { text: [...headers, mainText].join("\n\n"), cut: room <= 0 };
  } catch (error) {
    if (error instanceof DocxBudgetError) throw new ResumeFileError("docxTooLarge", { cause: error });
    if (error instanceof DocxFormatError || error instanceof RangeError || (error instanceof Error && "code" in error && String(error.code).startsWith("Z_"))) {
      throw new ResumeFileError("docxCorrupt", { cause: error });
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
 * Stops once `maxChars` characters have been taken (the caller keeps far fewer anyway).
 */
export function wordXmlText(xml: string, maxChars = Infinity): string {
  let out = "";
  let inText = false;
  let inTabStops = 0;
  // Word writes each text box twice (a DrawingML shape, and a VML fallback for old readers): the fallback is skipped.
  let inFallback = 0;
  for (const m of xml.matchAll(/<(\/?)(?:[\w.-]+:)?([\w.-]+)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>|([^<]+)/g)) {
    if (out.length >= maxChars) return out.slice(0, maxChars);
    const [, closing, local, selfClosing, chars] = m;
    if (local === "Fallback") {
      if (!selfClosing) inFallback = Math.max(0, inFallback + (closing ? -1 : 1));
      continue;
    }
    if (inFallback > 0) continue;
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
 * buffer. What is unpacked is counted against the budget: per part and in total, by the sizes the directory declares
 * and again while inflating (a bomb's sizes lie), so no read ever allocates past the budget.
 */
class ZipReader {
  private readonly view: DataView;
  private readonly entries = new Map<string, { method: number; flags: number; compressedSize: number; size: number; offset: number }>();

  private unpacked = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: { perPartBytes: number; totalBytes: number },
  ) {
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

  /** Refuses at once when the sizes the directory declares for these parts are already over the budget. */
  assertWithinBudget(names: string[]): void {
    let total = this.unpacked;
    for (const name of names) {
      const size = this.entries.get(name)?.size ?? 0;
      if (size > this.budget.perPartBytes) throw new DocxBudgetError(`${name} declares ${size} bytes`);
      total += size;
    }
    if (total > this.budget.totalBytes) throw new DocxBudgetError(`the parts declare ${total} bytes`);
  }

  /** The part's bytes, unpacked within the budget. */
  read(name: string): Uint8Array {
    const entry = this.entries.get(name);
    if (!entry) throw new DocxFormatError(`missing ${name}`);
    if (entry.flags & 1) throw new DocxFormatError(`${name} is encrypted`);
    const allowed = Math.min(this.budget.perPartBytes, this.budget.totalBytes - this.unpacked);
    if (entry.size > allowed) throw new DocxBudgetError(`${name} declares ${entry.size} bytes; ${allowed} left`);
    const p = entry.offset;
    if (p + 30 > this.bytes.length || this.u32(p) !== 0x04034b50) throw new DocxFormatError(`damaged entry ${name}`);
    const start = p + 30 + this.u16(p + 26) + this.u16(p + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length !== entry.compressedSize) throw new DocxFormatError(`truncated entry ${name}`);
    let out: Uint8Array;
    if (entry.method === 0) out = data;
    else if (entry.method === 8) out = inflateWithin(data, allowed, name);
    else throw new DocxFormatError(`unsupported compression in ${name}`);
    if (out.length > allowed) throw new DocxBudgetError(`${name} is ${out.length} bytes; ${allowed} left`);
    this.unpacked += out.length;
    return out;
  }

  private u16(at: number): number {
    return this.view.getUint16(at, true);
  }

  private u32(at: number): number {
    return this.view.getUint32(at, true);
  }
}

/** Inflates at most `limit` bytes: zlib stops there instead of allocating what a bomb unpacks to. */
function inflateWithin(data: Uint8Array, limit: number, name: string): Uint8Array {
  if (limit < 1) throw new DocxBudgetError(`no budget left for ${name}`);
  try {
    return inflateRawSync(data, { maxOutputLength: limit });
  } catch (error) {
    // Past maxOutputLength Node throws ERR_BUFFER_TOO_LARGE (a RangeError): a bomb, or a lying size field.
    if (error instanceof RangeError && (error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw new DocxBudgetError(`${name} unpacks to more than ${limit} bytes`, { cause: error });
    throw error;
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
    if (text.includes("\u0000")) throw new ResumeFileError("txtBinary");
  }
  return text;
}

import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import { DOCX_UNPACK_BUDGET, normaliseResumeText, readResumeText, ResumeFileError, wordXmlText } from "@/lib/intake/read-resume-text";
import {
  extractTextFromResumeFile,
  MAX_RESUME_FILE_BYTES,
  MAX_RESUME_TEXT_CHARS,
  RESUME_FILE_MESSAGES,
  RESUME_READ_LIMITS,
  resumeFormatOf,
  resumeUploadSchema,
} from "@/lib/intake/resume-text";
import { observationsInputSchema } from "@/lib/schemas/profile";
import { extractResumeText } from "@/lib/server/candidates/extract-resume-text";
import type { Actor } from "@/lib/server/auth/authorization";
import { makeHeaderBombDocx, makePdfBomb } from "../support/file-bombs";

// extractTextFromResumeFile reads every file in a worker thread (here started through tsx, see resume-text.ts), so
// these tests exercise the worker, its messages and its limits as the server does.

// Fixtures are written by tests/fixtures/resumes/make-fixtures.mjs (hand-built PDFs with a real xref, a zipped DOCX).
const fixtures = path.join(import.meta.dirname, "../fixtures/resumes");
const fixture = (name: string, type = "") => new File([readFileSync(path.join(fixtures, name))], name, { type });
const textFile = (name: string, content: string | Uint8Array<ArrayBuffer>, type = "text/plain") => new File([content], name, { type });

/** The AppError an extraction throws, for asserting code, message and the field it is shown beside. */
async function failureOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function expectFileError(promise: Promise<unknown>, message: string) {
  const error = await failureOf(promise);
  expect(error.code).toBe("VALIDATION");
  expect(error.message).toBe(message);
  expect(error.fieldErrors).toEqual({ file: [message] });
}

describe("résumé text from a PDF", () => {
  it("reads every page's text, in order, with accents", async () => {
    const result = await extractTextFromResumeFile(fixture("resume.pdf", "application/pdf"));
    expect(result.format).toBe("pdf");
    expect(result.truncated).toBe(false);
    expect(result.notice).toBeUndefined();
    expect(result.text).toContain("Jordan Avery Example\nRésumé - Senior Backend Engineer");
    expect(result.text).toContain("Kubernetes & Terraform (AWS, GCP); Go, TypeScript, PostgreSQL.");
    expect(result.text).toContain("Contoso Payments Ltd. (2019 - 2025): payment ledger, 40k tx/s.");
    expect(result.text.indexOf("Summary")).toBeLessThan(result.text.indexOf("Experience"));
    expect(result.text).not.toMatch(/ {2}|\n{3}/);
  });

  it("reads a PDF that only restricts copying or printing (owner password, no password to open)", async () => {
    const result = await extractTextFromResumeFile(fixture("owner-restricted.pdf"));
    expect(result.text).toContain("Jordan Avery Example");
  });

  it("refuses a PDF that needs a password to open", async () => {
    await expectFileError(extractTextFromResumeFile(fixture("password-protected.pdf")), RESUME_FILE_MESSAGES.pdfPassword);
  });

  it("says a PDF without a text layer (a scan) has to be pasted", async () => {
    await expectFileError(extractTextFromResumeFile(fixture("scanned.pdf")), RESUME_FILE_MESSAGES.pdfNoText);
    expect(RESUME_FILE_MESSAGES.pdfNoText).toMatch(/no text layer.*paste the text instead/);
  });

  it("refuses a damaged PDF, and a file that only has a .pdf name", async () => {
    await expectFileError(extractTextFromResumeFile(fixture("corrupt.pdf")), RESUME_FILE_MESSAGES.pdfCorrupt);
    await expectFileError(extractTextFromResumeFile(textFile("resume.pdf", "Jordan Avery Example, engineer", "application/pdf")), RESUME_FILE_MESSAGES.pdfCorrupt);
  });

  it("reads at most 50 pages and says so", async () => {
    const result = await extractTextFromResumeFile(fixture("many-pages.pdf"));
    expect(result.text).toContain("Page 50 of the long CV");
    expect(result.text).not.toContain("Page 51 of the long CV");
    expect(result.truncated).toBe(true);
    expect(result.notice).toBe("Only the first 50 of the PDF's 55 pages were read.");
  });
});

describe("résumé text from a DOCX", () => {
  it("reads the header and the body: paragraphs, tabs, breaks, tables, entities, text boxes", async () => {
    const { text, format, truncated } = await extractTextFromResumeFile(fixture("resume.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
    expect(format).toBe("docx");
    expect(truncated).toBe(false);
    expect(text.startsWith("taylor.sample@example.org +44 20 7946 0000\n\nTaylor Morgan Sample\nStaff Data Engineer Remote, Austin TX\n")).toBe(true);
    expect(text).toContain("Skills: Spark, dbt & Airflow; <streaming> pipelines\nLanguages: Python, Scala, SQL");
    expect(text).toContain("Experience at Northwind Analytics — 2018 to 2024");
    expect(text).toContain("Certification\nAWS Data Analytics");
    // A deleted revision is not text; a text box is written twice in the file but read once.
    expect(text).not.toContain("Deleted Employer");
    expect(text.match(/Text box: open to relocation/g)).toHaveLength(1);
  });

  it("ignores tab-stop definitions and field codes, and keeps what sits between tags only inside <w:t>", () => {
    const xml =
      '<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r>' +
      '<w:r><w:t xml:space="preserve">a &#x263A; b</w:t><w:tab/><w:t>c</w:t><w:noBreakHyphen/><w:t>d</w:t></w:r></w:p>';
    expect(wordXmlText(xml)).toBe("a ☺ b\tc-d\n");
  });

  it("refuses a damaged zip, a zip that is not a Word document, and a zip bomb", async () => {
    await expectFileError(extractTextFromResumeFile(fixture("corrupt.docx")), RESUME_FILE_MESSAGES.docxCorrupt);
    await expectFileError(extractTextFromResumeFile(fixture("not-word.docx")), RESUME_FILE_MESSAGES.docxCorrupt);
    // document.xml inflates to 40 MB while claiming 1 KB: inflating stops at the part limit.
    await expectFileError(extractTextFromResumeFile(fixture("bomb.docx")), RESUME_FILE_MESSAGES.docxTooLarge);
  });

  it("explains password-protected and Word 97–2003 files (OLE compound files, not zips)", async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    await expectFileError(extractTextFromResumeFile(textFile("resume.docx", ole, "")), RESUME_FILE_MESSAGES.docxProtected);
  });
});

/** Runs `work` while measuring the longest gap between 10 ms timer ticks on this (the "request") thread. */
async function withEventLoopWatch<T>(work: () => Promise<T>): Promise<{ outcome: T | unknown; ms: number; longestStallMs: number }> {
  let last = performance.now();
  let longestStallMs = 0;
  const tick = setInterval(() => {
    const now = performance.now();
    longestStallMs = Math.max(longestStallMs, now - last - 10);
    last = now;
  }, 10);
  const started = performance.now();
  const outcome = await work().catch((error: unknown) => error);
  const ms = performance.now() - started;
  // One more tick, so a stall that ended with the work is counted too.
  await new Promise((resolve) => setTimeout(resolve, 20));
  clearInterval(tick);
  return { outcome, ms, longestStallMs };
}

describe("budgets: what a hostile file may cost", () => {
  const MB = 1024 * 1024;
  const docx = (bytes: Buffer, name = "bomb.docx") => new File([new Uint8Array(bytes)], name);

  it("refuses the security review's bomb — ten headers of 31 MB in a ~1 MB DOCX — within seconds, without blocking this thread", async () => {
    const bomb = makeHeaderBombDocx({ headers: 10, headerBytes: 31 * MB });
    expect(bomb.length).toBeLessThan(1.2 * MB);
    const { outcome, ms, longestStallMs } = await withEventLoopWatch(() => extractTextFromResumeFile(docx(bomb)));
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).fieldErrors).toEqual({ file: [RESUME_FILE_MESSAGES.docxTooLarge] });
    // It used to take ~20 s and ~0.5–1 GB on the request's thread. Most of what remains is starting the worker.
    expect(ms).toBeLessThan(5_000);
    expect(longestStallMs).toBeLessThan(250);
  });

  it("counts every part against one total: ten headers each under the per-part limit are still refused", async () => {
    // 10 × 12 MB: each part passes the 16 MB per-part limit; together they pass the 32 MB total.
    const headerBytes = 12 * MB;
    expect(headerBytes).toBeLessThan(DOCX_UNPACK_BUDGET.perPartBytes);
    expect(10 * headerBytes).toBeGreaterThan(DOCX_UNPACK_BUDGET.totalBytes);
    // Honest sizes are refused from the directory, before inflating; lying ones (1 KB declared) when inflating
    // reaches the budget — before any XML is parsed, so either way it is quick.
    for (const lieAboutSize of [false, true]) {
      const bomb = makeHeaderBombDocx({ headers: 10, headerBytes, lieAboutSize });
      const started = performance.now();
      const error = await readResumeText(new Uint8Array(bomb), "docx").then(() => null, (e: unknown) => e);
      expect(error, `lieAboutSize: ${lieAboutSize}`).toBeInstanceOf(ResumeFileError);
      expect(error).toMatchObject({ problem: "docxTooLarge" });
      expect(performance.now() - started).toBeLessThan(2_000);
    }
  });

  it("still reads a large but honest Word file inside the budget", async () => {
    const large = makeHeaderBombDocx({ headers: 1, headerBytes: 8 * MB, documentBytes: 8 * MB });
    const result = await extractTextFromResumeFile(docx(large, "long-cv.docx"));
    expect(result.text.startsWith("Word\nWord")).toBe(true);
    expect(result.truncated).toBe(true);
  });

  it("abandons a file that takes longer than the time limit, and the request's thread stays free meanwhile", async () => {
    // With the DOCX budget raised, the review's ten 31 MB headers made of formatting only (nothing to collect, so all
    // of it is parsed) keep a worker busy for seconds — on a fast, quiet machine about 2.5 s, so the limit here is
    // well below that (the default is 10 s).
    const heavy = makeHeaderBombDocx({ headers: 10, headerBytes: 31 * MB, textless: true });
    const { outcome, ms, longestStallMs } = await withEventLoopWatch(() =>
      extractTextFromResumeFile(docx(heavy), { timeLimitMs: 400, docxBudget: { perPartBytes: 32 * MB, totalBytes: 320 * MB } }),
    );
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).message).toBe(RESUME_FILE_MESSAGES.tooSlow);
    expect(RESUME_FILE_MESSAGES.tooSlow).toMatch(/^This file took too long to read \(more than 10 seconds\)/);
    expect(ms).toBeGreaterThanOrEqual(380);
    expect(ms).toBeLessThan(2_500);
    expect(longestStallMs).toBeLessThan(250);
  });

  it("stops a PDF whose compressed stream unpacks to hundreds of megabytes, at the memory limit", async () => {
    // ~600 KB that pdf.js decodes into ~600 MB of ArrayBuffers (outside the heap limit): a 5 MB one could ask for 5 GB.
    const bomb = await makePdfBomb(600 * MB);
    expect(bomb.length).toBeLessThan(1 * MB);
    const { outcome, ms, longestStallMs } = await withEventLoopWatch(() => extractTextFromResumeFile(new File([new Uint8Array(bomb)], "cv.pdf"), { memoryMb: 128 }));
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).message).toBe(RESUME_FILE_MESSAGES.tooMuchMemory);
    // Well before the 10 s time limit: the memory watch stopped it.
    expect(ms).toBeLessThan(8_000);
    expect(longestStallMs).toBeLessThan(250);
  }, 30_000);

  it("turns a worker out of heap into a clear message", async () => {
    const { outcome } = await withEventLoopWatch(() => extractTextFromResumeFile(docx(makeHeaderBombDocx({ headers: 1, headerBytes: 12 * MB }), "cv.docx"), { heapMb: 16 }));
    expect(outcome).toBeInstanceOf(AppError);
    expect((outcome as AppError).message).toBe(RESUME_FILE_MESSAGES.tooMuchMemory);
  });

  it("reads two files at a time, queues a few more, and tells the rest to retry (503)", async () => {
    const file = () => textFile("cv.txt", "Jordan Avery Example, engineer");
    const total = RESUME_READ_LIMITS.concurrent + RESUME_READ_LIMITS.queued + 1;
    const results = await Promise.allSettled(Array.from({ length: total }, () => extractTextFromResumeFile(file())));
    const refused = results.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(1);
    expect((refused[0] as PromiseRejectedResult).reason).toMatchObject({ code: "UNAVAILABLE", retryAfterSeconds: 5 });
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(total - 1);
  }, 60_000);
});

describe("résumé text from a TXT", () => {
  it("normalises line ends and spaces", async () => {
    const result = await extractTextFromResumeFile(textFile("cv.txt", "\ufeff  Alex  Doe\r\n\r\n\r\n\r\nData\u00a0engineer\t\tRemote \r\n"));
    expect(result).toEqual({ text: "Alex Doe\n\nData engineer Remote", format: "txt", truncated: false });
  });

  it("reads Windows-1252 and UTF-16 files", async () => {
    expect((await extractTextFromResumeFile(textFile("cv.txt", new Uint8Array([0x52, 0xe9, 0x73, 0x75, 0x6d, 0xe9])))).text).toBe("Résumé");
    expect((await extractTextFromResumeFile(textFile("cv.txt", new Uint8Array([0xff, 0xfe, 0x52, 0, 0xe9, 0, 0x73, 0])))).text).toBe("Rés");
  });

  it("refuses a binary file named .txt and a file with no text", async () => {
    await expectFileError(extractTextFromResumeFile(textFile("cv.txt", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0]))), RESUME_FILE_MESSAGES.txtBinary);
    await expectFileError(extractTextFromResumeFile(textFile("cv.txt", " \n\t \n")), RESUME_FILE_MESSAGES.txtNoText);
    await expectFileError(extractTextFromResumeFile(textFile("cv.txt", "")), RESUME_FILE_MESSAGES.empty);
  });
});

describe("file type and size", () => {
  it("takes the format from the extension, or the media type when there is none", () => {
    expect(resumeFormatOf({ name: "CV.PDF", type: "" })).toBe("pdf");
    expect(resumeFormatOf({ name: "cv.docx", type: "application/octet-stream" })).toBe("docx");
    expect(resumeFormatOf({ name: "notes.text", type: "" })).toBe("txt");
    expect(resumeFormatOf({ name: "blob", type: "application/pdf" })).toBe("pdf");
    expect(resumeFormatOf({ name: "resume.doc", type: "application/msword" })).toBeNull();
    expect(resumeFormatOf({ name: "photo.png", type: "text/plain" })).toBeNull();
    expect(resumeFormatOf({ name: "archive.pdf.zip", type: "" })).toBeNull();
  });

  it("refuses an unsupported type and a file over 5 MB without reading it", async () => {
    const read = vi.fn(async () => new ArrayBuffer(0));
    await expectFileError(extractTextFromResumeFile({ name: "resume.doc", type: "application/msword", size: 10, arrayBuffer: read }), RESUME_FILE_MESSAGES.unsupported);
    await expectFileError(extractTextFromResumeFile({ name: "resume.pdf", type: "application/pdf", size: MAX_RESUME_FILE_BYTES + 1, arrayBuffer: read }), RESUME_FILE_MESSAGES.tooLarge);
    expect(read).not.toHaveBeenCalled();
  });

  it("the action's schema says the same before anything is read", () => {
    const errorOf = (file: unknown) => {
      const parsed = resumeUploadSchema.safeParse({ file });
      return parsed.success ? undefined : parsed.error.issues.map((i) => i.message);
    };
    expect(errorOf(new File(["%PDF-"], "cv.PDF"))).toBeUndefined();
    expect(errorOf("not a file")).toEqual(["Choose a PDF, DOCX or TXT file."]);
    expect(errorOf(new File([], "cv.pdf"))).toEqual([RESUME_FILE_MESSAGES.empty]);
    expect(errorOf(new File([new Uint8Array(MAX_RESUME_FILE_BYTES + 1)], "cv.pdf"))).toEqual([RESUME_FILE_MESSAGES.tooLarge]);
    expect(errorOf(new File(["x"], "cv.odt"))).toEqual([RESUME_FILE_MESSAGES.unsupported]);
  });
});

describe("normalising and the 200,000-character cap", () => {
  it("cuts at the profile's limit, never inside a surrogate pair, and says so", async () => {
    const long = "word ".repeat(50_000); // 250,000 characters
    const result = await extractTextFromResumeFile(textFile("long.txt", long));
    expect(result.truncated).toBe(true);
    expect(result.text.length).toBeLessThanOrEqual(MAX_RESUME_TEXT_CHARS);
    expect(result.text.length).toBeGreaterThan(MAX_RESUME_TEXT_CHARS - 5);
    expect(result.notice).toBe("The text was longer than 200,000 characters: only the first 200,000 were kept.");
    expect(observationsInputSchema.shape.resumeText.safeParse(result.text).success).toBe(true);

    const emoji = `${"a".repeat(MAX_RESUME_TEXT_CHARS - 1)}😀tail`;
    const cut = normaliseResumeText(emoji);
    expect(cut).toEqual({ text: "a".repeat(MAX_RESUME_TEXT_CHARS - 1), truncated: true });
  });

  it("agrees with the profile schema's limit", () => {
    expect(observationsInputSchema.shape.resumeText.safeParse("x".repeat(MAX_RESUME_TEXT_CHARS)).success).toBe(true);
    expect(observationsInputSchema.shape.resumeText.safeParse("x".repeat(MAX_RESUME_TEXT_CHARS + 1)).success).toBe(false);
  });

  it("drops invisible characters and keeps one blank line at most", () => {
    expect(normaliseResumeText("co\u00adoperate\u200b \u0007\n \n \n \nend\u2028line")).toEqual({ text: "cooperate\n\nend\nline", truncated: false });
  });
});

describe("extractResumeText (use case)", () => {
  const actor = (role: Actor["role"]): Actor => ({ id: "u1", email: "u@example.com", name: "U", role });

  it("lets a recruiter read a file, and refuses a role without candidates.create before reading it", async () => {
    const result = await extractResumeText({ actor: actor("RECRUITER"), file: fixture("resume.pdf") });
    expect(result.text).toContain("Jordan Avery Example");
    const read = vi.fn(async () => new ArrayBuffer(0));
    const error = await failureOf(extractResumeText({ actor: actor("SECURITY"), file: { name: "cv.txt", type: "text/plain", size: 3, arrayBuffer: read } }));
    expect(error.code).toBe("FORBIDDEN");
    expect(read).not.toHaveBeenCalled();
  });
});

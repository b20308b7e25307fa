import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_RESUME_FILE_BYTES, RESUME_FILE_TOO_LARGE_MESSAGE } from "@/lib/schemas/upload-limits";
import {
  DOCX_UNPACK_BUDGET,
  MAX_RESUME_PDF_PAGES,
  MAX_RESUME_TEXT_CHARS,
  type ExtractedResumeText,
  type ResumeFileProblem,
  type ResumeFormat,
} from "./read-resume-text";
import type { ResumeWorkerInput, ResumeWorkerReply } from "./resume-text-worker";

// Text from a résumé file (PDF, DOCX or plain text), read on our server: no network, no cloud service, no office
// suite. The reading (read-resume-text.ts) runs in a worker thread with budgets — time, heap, and what a DOCX may
// unpack to — so a hostile file costs a bounded amount and never blocks the requests on the main thread. Nothing here
// touches the framework or a database. Why this way: docs/decisions/0004-resume-extraction.md.
//
// Server only in practice (worker_threads, node:zlib, pdf.js): client components may import types from here, never
// values.

export { MAX_RESUME_FILE_BYTES, MAX_RESUME_PDF_PAGES, MAX_RESUME_TEXT_CHARS, DOCX_UNPACK_BUDGET };
export type { ExtractedResumeText, ResumeFormat };

/**
 * What one reading may cost; past a limit the worker is terminated and the file refused with a message.
 * - `timeMs`: wall-clock from starting the worker to its answer.
 * - `heapMb`: the worker's V8 heap. A backstop only: V8 ends the worker cleanly when many small allocations reach
 *   it, but aborts the whole process when one huge string operation does — so the readers keep far below it (the
 *   DOCX reader parses one part at a time and takes at most 800,000 characters).
 * - `memoryMb`: growth of the process's resident memory while the file is read, sampled every 50 ms. ArrayBuffers
 *   are outside the V8 heap: what zlib unpacks from a DOCX is bounded by its budget, but pdf.js decodes a PDF's
 *   compressed streams without one (a 500 KB PDF can ask for 500 MB). Process-wide, so a reading can be stopped by
 *   another's growth: both refusals say "try a simpler file".
 * At most `concurrent` files are read at once (a worker each); `queued` more wait for a turn, and past that the
 * server answers 503 with Retry-After.
 */
export const RESUME_READ_LIMITS = { timeMs: 10_000, heapMb: 256, memoryMb: 512, concurrent: 2, queued: 8 } as const;

/** What is read from an upload; a `File` is one. */
export type ResumeFile = { name: string; type: string; size: number; arrayBuffer(): Promise<ArrayBuffer> };

export const RESUME_FILE_MESSAGES = {
  empty: "The file is empty.",
  tooLarge: RESUME_FILE_TOO_LARGE_MESSAGE,
  unsupported: "Only PDF, DOCX and TXT files can be read. Save the résumé in one of these formats, or paste the text instead.",
  pdfPassword: "This PDF is password-protected. Ask for an unprotected copy, or paste the text instead.",
  pdfCorrupt: "This PDF can't be read: it is damaged or not really a PDF. Ask for a new copy, or paste the text instead.",
  pdfNoText: "This PDF has no text layer (it is probably a scan); paste the text instead.",
  docxProtected: "This Word file is password-protected or in the old .doc format. Save it as an unprotected .docx or PDF, or paste the text instead.",
  docxCorrupt: "This DOCX file can't be read: it is damaged or not really a Word document. Ask for a new copy, or paste the text instead.",
  docxTooLarge: `This Word file unpacks to more than ${DOCX_UNPACK_BUDGET.totalBytes / (1024 * 1024)} MB, far more than a résumé needs (it may be built to overload the server). Save it as a PDF, or paste the text instead.`,
  docxNoText: "This Word document has no text; paste the text instead.",
  txtBinary: "This file isn't plain text. Upload a PDF, DOCX or TXT file, or paste the text instead.",
  txtNoText: "This text file has no text in it.",
  tooSlow: `This file took too long to read (more than ${RESUME_READ_LIMITS.timeMs / 1000} seconds) and was abandoned. Save it as a simpler PDF or a TXT file, or paste the text instead.`,
  tooMuchMemory: "This file needs more memory to read than a résumé should, and was abandoned. Save it as a simpler PDF or a TXT file, or paste the text instead.",
} as const satisfies Record<ResumeFileProblem | "empty" | "tooLarge" | "unsupported" | "tooSlow" | "tooMuchMemory", string>;

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

/** The upload's input (POST /api/resume-text): checked before the file is read, after the permission check. */
export const resumeUploadSchema = z.object({
  file: z
    .file("Choose a PDF, DOCX or TXT file.")
    .min(1, RESUME_FILE_MESSAGES.empty)
    .max(MAX_RESUME_FILE_BYTES, RESUME_FILE_MESSAGES.tooLarge)
    .refine((file) => resumeFormatOf(file) !== null, RESUME_FILE_MESSAGES.unsupported),
});

function invalidFile(message: string): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { file: [message] } });
}

/** Overrides for tests: a shorter time limit, a smaller heap, a larger DOCX budget (to make a worker grind). */
export type ResumeReadOptions = { timeLimitMs?: number; heapMb?: number; memoryMb?: number; docxBudget?: { perPartBytes: number; totalBytes: number } };

/**
 * The normalised text of a PDF, DOCX or TXT résumé, at most MAX_RESUME_TEXT_CHARS characters, read in a worker
 * thread. Bad input (too large, another format, damaged, password-protected, no text, over a budget, too slow)
 * throws an AppError("VALIDATION") whose message says what to do; too many readings at once is UNAVAILABLE (503,
 * Retry-After); anything else is a bug and is thrown as it is.
 */
export async function extractTextFromResumeFile(file: ResumeFile, options: ResumeReadOptions = {}): Promise<ExtractedResumeText> {
  const format = resumeFormatOf(file);
  if (!format) throw invalidFile(RESUME_FILE_MESSAGES.unsupported);
  if (file.size > MAX_RESUME_FILE_BYTES) throw invalidFile(RESUME_FILE_MESSAGES.tooLarge);
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw invalidFile(RESUME_FILE_MESSAGES.empty);
  if (bytes.length > MAX_RESUME_FILE_BYTES) throw invalidFile(RESUME_FILE_MESSAGES.tooLarge);
  const input = { bytes, format, docxBudget: options.docxBudget ?? DOCX_UNPACK_BUDGET };
  const limits = {
    timeMs: options.timeLimitMs ?? RESUME_READ_LIMITS.timeMs,
    heapMb: options.heapMb ?? RESUME_READ_LIMITS.heapMb,
    memoryMb: options.memoryMb ?? RESUME_READ_LIMITS.memoryMb,
  };
  const reply = await withReadingSlot(() => readInWorker(input, limits));
  if (reply.ok) return reply.result;
  throw invalidFile(RESUME_FILE_MESSAGES[reply.problem]);
}

// ── The worker ──────────────────────────────────────────────────────────────────────────────────────────────────

type Outcome = Extract<ResumeWorkerReply, { ok: true }> | { ok: false; problem: keyof typeof RESUME_FILE_MESSAGES };

/** One worker per file: started, answered or timed out, then terminated — no state survives a hostile file. */
function readInWorker(input: ResumeWorkerInput, limits: { timeMs: number; heapMb: number; memoryMb: number }): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const baseline = process.memoryUsage.rss();
    const worker = startResumeWorker(input, limits.heapMb);
    let settled = false;
    const settle = (done: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(memoryWatch);
      void worker.terminate();
      done();
    };
    const timer = setTimeout(() => settle(() => resolve({ ok: false, problem: "tooSlow" })), limits.timeMs);
    const memoryWatch = setInterval(() => {
      if (process.memoryUsage.rss() - baseline > limits.memoryMb * 1024 * 1024) settle(() => resolve({ ok: false, problem: "tooMuchMemory" }));
    }, 50);
    worker.once("message", (reply: ResumeWorkerReply) =>
      settle(() => ("unexpected" in reply ? reject(new Error(`résumé worker: ${reply.unexpected}`)) : resolve(reply))),
    );
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() => (error.code === "ERR_WORKER_OUT_OF_MEMORY" ? resolve({ ok: false, problem: "tooMuchMemory" }) : reject(error))),
    );
    worker.once("exit", (code) => settle(() => reject(new Error(`the résumé worker stopped (exit code ${code}) without an answer`))));
  });
}

/**
 * Starts resume-text-worker.ts. Two ways, one source file:
 * - Inside Next (`next build` and `next dev`, both Turbopack), `new Worker(new URL("./x.ts", import.meta.url))` is
 *   compiled: Turbopack bundles the entry and its imports into a worker chunk of plain JavaScript and points the
 *   Worker at it (unpdf stays external, as in next.config.ts). The expression must stay in exactly this shape.
 * - Outside Next (Vitest, tsx scripts) nothing compiles the entry, and Node 20 can neither run a .ts file nor apply a
 *   `--import tsx` loader to a worker's entry (module hooks don't reach worker threads before Node 22). There the
 *   worker starts from a few lines of JavaScript that register tsx's require hook in that thread and require the
 *   entry (tsx is a dependency: the CLI scripts run on it), resolved from the entry's own folder so the working
 *   directory doesn't matter. (tsx's ESM `tsImport` would do too, but its CommonJS build can't be loaded this way.)
 * `process.env.NEXT_RUNTIME` tells them apart: Next defines it in every server bundle (and Turbopack inlines it, so
 * the production build has no tsx branch at all); Vitest and tsx never set it.
 */
function startResumeWorker(input: ResumeWorkerInput, heapMb: number): Worker {
  const options = {
    workerData: input,
    // The file's bytes move to the worker instead of being copied.
    transferList: [input.bytes.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.min(32, heapMb) },
  };
  if (process.env.NEXT_RUNTIME) return new Worker(new URL("./resume-text-worker.ts", import.meta.url), options);
  const entry = fileURLToPath(new URL("./resume-text-worker.ts", import.meta.url));
  return new Worker(TSX_BOOTSTRAP, { ...options, eval: true, workerData: { ...input, entry } });
}

const TSX_BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
const requireHere = require("node:module").createRequire(workerData.entry);
requireHere("tsx/cjs/api").register();
requireHere(workerData.entry);
`;

// ── Turns ───────────────────────────────────────────────────────────────────────────────────────────────────────

let reading = 0;
const waiting: (() => void)[] = [];

/** At most RESUME_READ_LIMITS.concurrent workers at once; a few more wait their turn, the rest are told to retry. */
async function withReadingSlot<T>(read: () => Promise<T>): Promise<T> {
  if (reading < RESUME_READ_LIMITS.concurrent) reading++;
  else if (waiting.length < RESUME_READ_LIMITS.queued) await new Promise<void>((resolve) => waiting.push(resolve));
  else throw new AppError("UNAVAILABLE", "The server is reading other résumé files right now. Try again in a few seconds.", { retryAfterSeconds: 5 });
  try {
    return await read();
  } finally {
    // The slot passes straight to the next in line, or is freed.
    const next = waiting.shift();
    if (next) next();
    else reading--;
  }
}

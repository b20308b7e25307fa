import { parentPort, workerData } from "node:worker_threads";
import { readResumeText, ResumeFileError, type ExtractedResumeText, type ResumeFileProblem, type ResumeFormat } from "./read-resume-text";

// The résumé worker's entry (started by extractTextFromResumeFile in resume-text.ts, one worker per file): reads the
// file it is given and posts one reply. The parent enforces the time limit and terminates the worker afterwards.

export type ResumeWorkerInput = { bytes: Uint8Array; format: ResumeFormat; docxBudget: { perPartBytes: number; totalBytes: number } };

export type ResumeWorkerReply =
  | { ok: true; result: ExtractedResumeText }
  /** The file is the problem; the parent shows the matching message. */
  | { ok: false; problem: ResumeFileProblem }
  /** A bug: the parent throws it, and the route logs it and answers with the generic message. */
  | { ok: false; unexpected: string };

const port = parentPort;
if (port) {
  const { bytes, format, docxBudget } = workerData as ResumeWorkerInput;
  readResumeText(bytes, format, { docxBudget }).then(
    (result) => port.postMessage({ ok: true, result } satisfies ResumeWorkerReply),
    (error: unknown) =>
      port.postMessage(
        (error instanceof ResumeFileError
          ? { ok: false, problem: error.problem }
          : { ok: false, unexpected: error instanceof Error ? (error.stack ?? error.message) : String(error) }) satisfies ResumeWorkerReply,
      ),
  );
}

import "server-only";
import { once } from "node:events";
import busboy from "busboy";
import type { z } from "zod";
import { APP_ERROR_CODES, AppError } from "@/lib/errors";
import { hasUnsafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/schemas/text-safety";
import { fieldErrorsOf } from "./action-client";

// File uploads reach route handlers (app/api/**), never server actions: Next buffers a server action's whole body
// (and the proxy clones and truncates bodies at 10 MB), while a route handler gets the request as a stream. This reads
// that stream with busboy, part by part, holding each file in memory only up to its limit: the moment a file or the
// whole body crosses its limit the rest is not read, and the caller answers 413.

export type MultipartFileRule = {
  maxBytes: number;
  /** Files this field may carry (default 1). */
  maxCount?: number;
  /** The 413 message for a file over `maxBytes` (shown beside the field). */
  tooLargeMessage: (fileName: string) => string;
};

export type ReadMultipartFormOptions = {
  /** File fields and their limits; a file in any other field is refused (400). */
  files: Record<string, MultipartFileRule>;
  /** Text fields accepted (each at most MAX_TEXT_FIELD_BYTES); any other is refused (400). */
  fields?: readonly string[];
};

/** Files as `File`s (what the zod upload schemas check), text fields as strings. */
export type MultipartForm = { files: Record<string, File[]>; fields: Record<string, string> };

/** A text field of an upload form is a date or a short choice. */
const MAX_TEXT_FIELD_BYTES = 1024;
/** Boundaries and part headers: generous for a few parts. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/**
 * The multipart/form-data body of `request`, within the limits: 415 if it isn't multipart; 413 as soon as a file
 * passes its `maxBytes` or the body passes the sum of all limits (a declared Content-Length over it is refused before
 * reading); 400 with field errors for an unexpected field, too many files, a text field too long or with text that
 * can't be stored, or a malformed body.
 */
export async function readMultipartForm(request: Request, { files: rules, fields: fieldNames = [] }: ReadMultipartFormOptions): Promise<MultipartForm> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the upload as multipart/form-data (a form with a file input).");
  }
  const maxTotalBytes =
    Object.values(rules).reduce((sum, rule) => sum + rule.maxBytes * (rule.maxCount ?? 1), 0) + fieldNames.length * MAX_TEXT_FIELD_BYTES + MULTIPART_OVERHEAD_BYTES;
  const bodyTooLarge = () => new AppError("PAYLOAD_TOO_LARGE", `The upload is larger than this form accepts (${formatBytes(maxTotalBytes)} in all).`);
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxTotalBytes) throw bodyTooLarge();

  const form: MultipartForm = { files: {}, fields: {} };
  let failure: AppError | null = null;
  const fail = (error: AppError) => {
    failure ??= error;
  };
  const fileEnds: Promise<void>[] = [];
  const parser = busboy({
    headers: { "content-type": contentType },
    limits: {
      fileSize: Math.max(...Object.values(rules).map((r) => r.maxBytes)) + 1,
      fieldSize: MAX_TEXT_FIELD_BYTES,
      parts: Object.values(rules).reduce((sum, r) => sum + (r.maxCount ?? 1), 0) + fieldNames.length + 4,
      headerPairs: 20,
    },
  });

  const fileCounts = new Map<string, number>();
  parser.on("file", (name, stream, info) => {
    const rule = rules[name];
    const list = (form.files[name] ??= []);
    fileCounts.set(name, (fileCounts.get(name) ?? 0) + 1);
    if (!rule) fail(fieldError(name, "This form takes no file here."));
    else if (fileCounts.get(name)! > (rule.maxCount ?? 1)) fail(fieldError(name, rule.maxCount === 1 || !rule.maxCount ? "Upload one file." : `Upload at most ${rule.maxCount} files.`));
    // Destroying the parser after a refusal ends an unfinished file with an error; the refusal is already on its way.
    stream.on("error", () => {});
    const chunks: Uint8Array<ArrayBuffer>[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      if (failure || !rule) return;
      size += chunk.length;
      if (size > rule.maxBytes) {
        const message = rule.tooLargeMessage(info.filename ?? "The file");
        fail(new AppError("PAYLOAD_TOO_LARGE", message, { fieldErrors: { [name]: [message] } }));
        chunks.length = 0;
        return;
      }
      chunks.push(new Uint8Array(chunk.buffer as ArrayBuffer, chunk.byteOffset, chunk.byteLength));
    });
    fileEnds.push(
      new Promise((resolve) =>
        stream.on("end", () => {
          if (!failure && rule) list.push(new File(chunks, info.filename ?? "", { type: info.mimeType }));
          resolve();
        }),
      ),
    );
  });
  parser.on("field", (name, value, info) => {
    if (!fieldNames.includes(name)) fail(fieldError(name, "This form has no such field."));
    else if (info.valueTruncated) fail(fieldError(name, "Too long."));
    else if (hasUnsafeText(value)) fail(fieldError(name, UNSAFE_TEXT_MESSAGE));
    else form.fields[name] = value;
  });
  for (const limit of ["partsLimit", "filesLimit", "fieldsLimit"] as const) {
    parser.on(limit, () => fail(new AppError("VALIDATION", "The upload has more parts than this form sends.")));
  }
  const malformed = () => new AppError("VALIDATION", "The upload is not valid multipart/form-data: it may have been cut off. Try again.");
  // A malformed body (or one that ends mid-part) stops the reading like any other refusal.
  parser.on("error", () => fail(malformed()));
  const parsed = new Promise<void>((resolve) => {
    parser.on("close", resolve);
    parser.on("error", () => resolve());
  });

  const reader = request.body?.getReader();
  let total = 0;
  while (reader && !failure) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The client went away mid-upload: nobody is waiting for an answer, but this is not a server error either.
      fail(new AppError("VALIDATION", "The upload was interrupted before it finished. Try again."));
      break;
    }
    if (chunk.done) break;
    // Parsed first, so a file that crosses its own limit in this chunk is named (the parser keeps nothing past it).
    // Backpressure: wait while the parser works through what it has, so its file events keep pace with the reading.
    const drained = parser.write(Buffer.from(chunk.value.buffer, chunk.value.byteOffset, chunk.value.byteLength));
    total += chunk.value.byteLength;
    if (total > maxTotalBytes) fail(bodyTooLarge());
    else if (!drained) await Promise.race([once(parser, "drain").catch(() => {}), parsed]);
  }
  if (failure) {
    // The rest of the body is not read (or kept): the caller answers at once.
    await reader?.cancel().catch(() => {});
    parser.destroy();
    throw failure;
  }
  parser.end();
  await parsed;
  if (failure) throw failure;
  await Promise.all(fileEnds);
  if (failure) throw failure;
  return form;
}

function fieldError(field: string, message: string): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { [field]: [message] } });
}

function formatBytes(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}

/**
 * The upload's zod schema applied to what readMultipartForm returned: a 400 whose field errors name the fields (the
 * forms show them beside their inputs), as for any other input.
 */
export function parseUploadInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError("VALIDATION", APP_ERROR_CODES.VALIDATION, { fieldErrors: fieldErrorsOf(parsed.error) });
  return parsed.data;
}

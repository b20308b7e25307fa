import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { parseUploadInput, readMultipartForm, type ReadMultipartFormOptions } from "@/lib/server/read-multipart-form";

// The multipart reader behind the upload routes, fed real Request bodies: FormData encoded by undici as a browser
// would, and hand-made streams without a Content-Length.

const KB = 1024;
const options: ReadMultipartFormOptions = {
  files: { files: { maxBytes: 100 * KB, maxCount: 2, tooLargeMessage: (name) => `${name} is too large` } },
  fields: ["publishedAt"],
};

function formRequest(form: FormData): Request {
  return new Request("http://localhost/upload", { method: "POST", body: form });
}

/** A multipart body streamed in 16 KB chunks, with no Content-Length; `pulled` says how much the reader took. */
function streamedRequest(parts: { name: string; fileName?: string; bytes: number }[]) {
  const boundary = "----test-boundary";
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const disposition = part.fileName ? `form-data; name="${part.name}"; filename="${part.fileName}"` : `form-data; name="${part.name}"`;
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n\r\n`));
    for (let left = part.bytes; left > 0; left -= 16 * KB) chunks.push(Buffer.alloc(Math.min(16 * KB, left), 0x61));
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  const state = { pulled: 0 };
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i === chunks.length) return controller.close();
      state.pulled += chunks[i].length;
      controller.enqueue(chunks[i++]);
    },
  });
  const request = new Request("http://localhost/upload", {
    method: "POST",
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    body,
    duplex: "half",
  } as RequestInit);
  return { request, state, total: chunks.reduce((sum, c) => sum + c.length, 0) };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readMultipartForm", () => {
  it("returns the files as File objects and the text fields as strings", async () => {
    const form = new FormData();
    form.append("files", new File(["a,b\n1,2\n"], "sdn.csv", { type: "text/csv" }));
    form.append("files", new File(["x"], "alt.csv", { type: "text/csv" }));
    form.append("publishedAt", "2025-11-04");
    const result = await readMultipartForm(formRequest(form), options);
    expect(result.fields).toEqual({ publishedAt: "2025-11-04" });
    expect(result.files.files.map((f) => [f.name, f.type, f.size])).toEqual([
      ["sdn.csv", "text/csv", 8],
      ["alt.csv", "text/csv", 1],
    ]);
    expect(await result.files.files[0].text()).toBe("a,b\n1,2\n");
  });

  it("refuses a body that isn't multipart (415)", async () => {
    const request = new Request("http://localhost/upload", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect((await failure(readMultipartForm(request, options))).code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("refuses a declared Content-Length over the limits before reading (413)", async () => {
    const { request, state } = streamedRequest([{ name: "files", fileName: "sdn.csv", bytes: 10 }]);
    request.headers.set("content-length", String(10 * 1024 * KB));
    const error = await failure(readMultipartForm(request, options));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    // Nothing past what the stream hands over on its own when it is created.
    expect(state.pulled).toBeLessThan(1 * KB);
  });

  it("refuses a streamed file once it passes its limit, names the field, and reads no further (413)", async () => {
    const { request, state, total } = streamedRequest([{ name: "files", fileName: "SDN.XML", bytes: 4 * 1024 * KB }]);
    const error = await failure(readMultipartForm(request, options));
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", message: "SDN.XML is too large", fieldErrors: { files: ["SDN.XML is too large"] } });
    // The limit is 100 KB: the reader stopped within a chunk or two of it, out of 4 MB.
    expect(state.pulled).toBeLessThan(200 * KB);
    expect(total).toBeGreaterThan(4 * 1024 * KB);
  });

  it("refuses a streamed body past the sum of the limits even when no single file is over its own (413)", async () => {
    const { request } = streamedRequest([
      { name: "files", fileName: "a.csv", bytes: 99 * KB },
      { name: "files", fileName: "b.csv", bytes: 99 * KB },
      { name: "publishedAt", bytes: 200 * KB },
    ]);
    expect((await failure(readMultipartForm(request, options))).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("gives field errors (400) for an unexpected field, too many files, a long or unsafe text field, and a cut-off body", async () => {
    const unexpected = new FormData();
    unexpected.append("file", new File(["x"], "x.csv"));
    expect(await failure(readMultipartForm(formRequest(unexpected), options))).toMatchObject({ code: "VALIDATION", fieldErrors: { file: ["This form takes no file here."] } });

    const three = new FormData();
    for (const name of ["sdn.csv", "alt.csv", "add.csv"]) three.append("files", new File(["x"], name));
    expect(await failure(readMultipartForm(formRequest(three), options))).toMatchObject({ code: "VALIDATION", fieldErrors: { files: ["Upload at most 2 files."] } });

    const long = new FormData();
    long.append("publishedAt", "x".repeat(2 * KB));
    expect(await failure(readMultipartForm(formRequest(long), options))).toMatchObject({ code: "VALIDATION", fieldErrors: { publishedAt: ["Too long."] } });

    const nul = new FormData();
    nul.append("publishedAt", "2025\u000011-04");
    expect((await failure(readMultipartForm(formRequest(nul), options))).fieldErrors).toHaveProperty("publishedAt");

    const boundary = "----cut";
    const cut = new Request("http://localhost/upload", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body: `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="sdn.csv"\r\n\r\nhalf a file`,
    });
    expect((await failure(readMultipartForm(cut, options))).code).toBe("VALIDATION");
  });

  it("parseUploadInput turns the upload schema's issues into field errors (400)", () => {
    const schema = z.object({ file: z.instanceof(File, { error: "Choose a CSV file" }) });
    const error = (() => {
      try {
        parseUploadInput(schema, { file: undefined });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toMatchObject({ code: "VALIDATION", fieldErrors: { file: ["Choose a CSV file"] } });
  });
});

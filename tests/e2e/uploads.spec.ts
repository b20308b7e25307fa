import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Page } from "@playwright/test";
import { makeHeaderBombDocx } from "../support/file-bombs";
import { expect, test, uniqueName } from "./fixtures";

// Uploads are route handlers that read the body as a stream (app/api/imports, app/api/admin/sanctions,
// app/api/resume-text): nothing in front of them buffers or cuts a body at 10 MB, each has its documented limit
// (413 past it), and résumé files are read in a worker thread with budgets. These run against the production build.

const MB = 1024 * 1024;

/** Same-origin headers for requests sent with the page's session cookie (the routes refuse cross-site ones). */
function sameOrigin(page: Page) {
  return { origin: new URL(page.url()).origin };
}

/** Slows the browser's uploads so the progress bar can be seen moving (Chromium's network emulation). */
async function throttleUploads(page: Page, bytesPerSecond: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: bytesPerSecond });
  return async () => {
    await cdp.send("Network.emulateNetworkConditions", { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await cdp.detach();
  };
}

/** Highest aria-valuenow seen below 100, sampled while `until` is pending: proof the bar moved during the upload. */
async function progressSeenDuring(page: Page, label: string, until: Promise<unknown>): Promise<number[]> {
  const seen: number[] = [];
  let done = false;
  void until.finally(() => (done = true));
  while (!done) {
    const value = await page
      .getByRole("progressbar", { name: label })
      .getAttribute("aria-valuenow", { timeout: 200 })
      .catch(() => null);
    if (value !== null) seen.push(Number(value));
    await page.waitForTimeout(100);
  }
  return seen;
}

test.describe("uploads past the old 10 MB cut-off", () => {
  test("a 12 MB CSV (a large unmapped notes column) shows upload progress, reaches the mapping step and imports", async ({ page, login }) => {
    test.setTimeout(180_000);
    const tag = Date.now().toString(36);
    const notes = "Interview notes and free text copied from the ATS. ".repeat(6_000); // ~300 KB a row
    const lines = ["Candidate ID,Full Name,Email Address,Country,Notes"];
    for (let i = 0; i < 40; i++) lines.push(`${tag}-${i},Morgan Bulk ${tag} ${i},morgan.${tag}.${i}@example.org,US,"${notes}"`);
    const csv = Buffer.from(`${lines.join("\n")}\n`);
    expect(csv.length).toBeGreaterThan(11 * MB);
    expect(csv.length).toBeLessThan(20 * MB);

    await login("recruiter");
    await page.goto("/candidates/import");
    const upload = page.getByRole("form", { name: "Upload a CSV file" });
    await upload.getByLabel("CSV file").setInputFiles({ name: `big-${tag}.csv`, mimeType: "text/csv", buffer: csv });
    const restore = await throttleUploads(page, 4 * MB);
    const mappingShown = upload
      .getByRole("button", { name: "Upload and map columns" })
      .click()
      .then(() => expect(page.getByRole("heading", { name: "Which column is which?" })).toBeVisible({ timeout: 60_000 }));
    const seen = await progressSeenDuring(page, "Upload progress", mappingShown);
    await mappingShown;
    await restore();
    // The bar moved through the upload (at 4 MB/s, 12 MB take ~3 s).
    expect(seen.some((v) => v > 0 && v < 100), `progress values seen: ${seen.join(", ")}`).toBe(true);

    const mapping = page.getByRole("form", { name: "Map columns" });
    await expect(mapping.getByLabel("Legal name")).toHaveValue("Full Name");
    await expect(mapping.getByLabel("Email")).toHaveValue("Email Address");
    await mapping.getByRole("button", { name: "Validate and import" }).click();
    await expect(page.getByRole("progressbar", { name: "Import progress" })).toHaveAttribute("aria-valuenow", "100", { timeout: 150_000 });
    await expect(page.getByTestId("import-created")).toHaveText("40");
    await expect(page.getByTestId("import-failed")).toHaveText("0");
  });

  test("an SDN.XML over 10 MB imports through the browser", async ({ page, login }) => {
    test.setTimeout(240_000);
    // The fixture list plus generated entries (with long remarks, as real ones can be), published on its own date.
    const fixture = await readFile(path.join(import.meta.dirname, "../fixtures/ofac/SDN.XML"), "utf8");
    const remarks = "Generated entry for the upload test; ".repeat(150);
    const extra: string[] = [];
    for (let i = 0; i < 2_000; i++) {
      const uid = 500_000 + i;
      extra.push(
        `  <sdnEntry>\n    <uid>${uid}</uid>\n    <lastName>UPLOADTEST TRADING ${uid} LIMITED</lastName>\n    <sdnType>Entity</sdnType>\n` +
          `    <programList>\n      <program>DPRK3</program>\n    </programList>\n    <remarks>${remarks}${uid}.</remarks>\n  </sdnEntry>\n`,
      );
    }
    const xml = fixture
      .replace("<Publish_Date>11/04/2025</Publish_Date>", "<Publish_Date>11/20/2025</Publish_Date>")
      .replace("<Record_Count>13</Record_Count>", "<Record_Count>2013</Record_Count>")
      .replace("</sdnList>", `${extra.join("")}</sdnList>`);
    const bytes = Buffer.from(xml);
    expect(bytes.length).toBeGreaterThan(10.5 * MB);

    await login("admin");
    await page.goto("/admin/sanctions");
    const form = page.getByRole("form", { name: "Import sanctions list" });
    await form.getByLabel("List files").setInputFiles({ name: "SDN.XML", mimeType: "application/xml", buffer: bytes });
    await form.getByRole("button", { name: "Import list" }).click();
    await expect(form.getByRole("status")).toHaveText("Imported OFAC-SDN 2025-11-20: 2,013 entries, 5 aliases, 3 addresses. It is now the active list.", {
      timeout: 200_000,
    });
    const row = page.getByRole("row").filter({ hasText: "OFAC-SDN 2025-11-20" });
    await expect(row).toContainText("Active");
    await expect(row).toContainText("SDN.XML");
  });
});

test.describe("refused uploads", () => {
  test("a binary or NUL-carrying CSV gets a clear error beside the field, and nothing is stored", async ({ page, login }) => {
    await login("recruiter");
    await page.goto("/candidates/import");
    const upload = page.getByRole("form", { name: "Upload a CSV file" });
    const name = `${uniqueName("spreadsheet").replace(/\W+/g, "-")}.csv`;
    // An .xlsx saved with a .csv name: a zip, full of NUL bytes.
    const xlsx = Buffer.concat([Buffer.from("PK\u0003\u0004\u0014\u0000\u0006\u0000\u0008\u0000", "latin1"), Buffer.alloc(2_000)]);
    for (const buffer of [xlsx, Buffer.from("Full Name,Email\nAnn\u0000Lee,ann@example.org\n")]) {
      await upload.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer });
      await upload.getByRole("button", { name: "Upload and map columns" }).click();
      await expect(upload.getByRole("alert")).toContainText("This file is not a CSV text file");
      await expect(upload.getByLabel("CSV file")).toHaveAttribute("aria-invalid", "true");
      await expect(upload.locator("#field-file-error")).toContainText("This file is not a CSV text file");
    }
    await page.reload();
    await expect(page.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  });

  test("bodies over a route's limit get 413 — declared or streamed — and the server stops reading", async ({ page, login }) => {
    test.setTimeout(120_000);
    await login("recruiter");
    await page.goto("/candidates/import");

    // Declared: a 6 MB résumé and a 21 MB CSV (multipart with Content-Length).
    const resume = await page.request.post("/api/resume-text", {
      headers: sameOrigin(page),
      multipart: { file: { name: "cv.pdf", mimeType: "application/pdf", buffer: Buffer.alloc(6 * MB, 0x41) } },
    });
    expect(resume.status()).toBe(413);
    expect((await resume.json()).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    const csv = await page.request.post("/api/imports", {
      headers: sameOrigin(page),
      multipart: { file: { name: "big.csv", mimeType: "text/csv", buffer: Buffer.alloc(21 * MB, 0x61) } },
    });
    expect(csv.status()).toBe(413);

    // Streamed without a length: the server answers 413 once the file passes 5 MB and reads no further, while the
    // client still has ~95 MB to send.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const boundary = "----upload-test-boundary";
    let sent = 0;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cv.txt"\r\nContent-Type: text/plain\r\n\r\n`);
    const chunk = Buffer.alloc(256 * 1024, 0x62);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        if (sent >= 100 * MB) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const origin = new URL(page.url()).origin;
    const res = await fetch(`${origin}/api/resume-text`, {
      method: "POST",
      headers: { cookie, origin, "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit);
    expect(res.status).toBe(413);
    const json = (await res.json()) as { error: { code: string; fieldErrors?: Record<string, string[]> } };
    expect(json.error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", fieldErrors: { file: [expect.stringContaining("larger than 5 MB")] } });
    expect(sent).toBeLessThan(40 * MB);

    // The session still works afterwards.
    await page.goto("/candidates/import");
    await expect(page.getByRole("heading", { name: "Import candidates" })).toBeVisible();
  });
});

test.describe("résumé files are read off the request thread, with budgets", () => {
  test("while Word files are being read (one a zip bomb), the server keeps answering within a second", async ({ page, login }) => {
    test.setTimeout(120_000);
    await login("recruiter");
    await page.goto("/candidates/import");
    const post = (buffer: Buffer, name: string) =>
      page.request.post("/api/resume-text", {
        headers: sameOrigin(page),
        multipart: { file: { name, mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer } },
        timeout: 60_000,
      });
    // The security review's bomb (ten 31 MB headers, ~1 MB), and files inside the budget that are heavy to parse:
    // 16 MB of formatting in the header and 16 MB in the body, no text (each used to hold the thread for seconds).
    const bomb = makeHeaderBombDocx({ headers: 10, headerBytes: 31 * MB });
    const heavy = makeHeaderBombDocx({ headers: 1, headerBytes: 15.9 * MB, documentBytes: 15.9 * MB, textless: true });
    expect(heavy.length).toBeLessThan(5 * MB);

    const uploads = Promise.all([post(bomb, "bomb.docx"), post(heavy, "heavy-1.docx"), post(heavy, "heavy-2.docx"), post(heavy, "heavy-3.docx"), post(heavy, "heavy-4.docx")]);
    let finished = false;
    void uploads.finally(() => (finished = true));
    const healthTimes: number[] = [];
    while (!finished) {
      const started = Date.now();
      const health = await page.request.get("/api/health", { timeout: 5_000 });
      healthTimes.push(Date.now() - started);
      expect(health.status()).toBe(200);
      await page.waitForTimeout(100);
    }
    const [bombRes, ...heavyRes] = await uploads;
    console.log(`[uploads e2e] /api/health while reading: ${healthTimes.length} checks, slowest ${Math.max(...healthTimes)} ms`);
    expect(healthTimes.length).toBeGreaterThan(3);
    expect(Math.max(...healthTimes)).toBeLessThan(1_000);

    expect(bombRes.status()).toBe(400);
    expect((await bombRes.json()).error.fieldErrors.file[0]).toMatch(/^This Word file unpacks to more than 32 MB/);
    // Each heavy file is parsed to the end and has no text — or, on a busy machine, passes the 10 s limit first.
    for (const res of heavyRes) {
      expect(res.status()).toBe(400);
      expect((await res.json()).error.fieldErrors.file[0]).toMatch(/^(This Word document has no text|This file took too long to read)/);
    }
  });

  test("a Word résumé loads into the application form through the browser", async ({ page, login }) => {
    await login("recruiter");
    await page.goto("/candidates/new");
    await page.getByLabel("Full legal name").fill(uniqueName("Docx Reader"));
    await page.getByLabel("Email").fill(`docx.${Date.now()}@example.org`);
    await page.getByRole("button", { name: "Create candidate" }).click();
    await expect(page.getByRole("status")).toHaveText("Candidate created and screened.");
    await page.getByRole("navigation", { name: "Add evidence" }).getByRole("link", { name: "Application" }).click();
    const resumeFile = page.getByLabel("Load the text from a résumé file (PDF, DOCX or TXT, up to 5 MB)");
    await resumeFile.setInputFiles("tests/fixtures/resumes/resume.docx");
    await expect(page.getByText("Loaded the text of resume.docx. Check it before saving.")).toBeVisible();
    await expect(page.getByLabel("Résumé text")).toHaveValue(/Taylor Morgan Sample/);
    // A bomb gets its message beside the input, and the text already loaded stays.
    await resumeFile.setInputFiles({ name: "bomb.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: makeHeaderBombDocx({ headers: 10, headerBytes: 31 * MB }) });
    await expect(page.getByText("This Word file unpacks to more than 32 MB", { exact: false })).toBeVisible();
    await expect(resumeFile).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel("Résumé text")).toHaveValue(/Taylor Morgan Sample/);

    // The stage form (a server action) still takes 200,000 characters of résumé text under the 2 MB action limit:
    // here three bytes each in UTF-8, ~600 KB.
    await page.getByLabel("Résumé text").fill("履".repeat(200_000));
    await page.getByRole("button", { name: "Save and screen" }).click();
    await expect(page.getByRole("status")).toHaveText("Evidence saved and screened.", { timeout: 30_000 });
  });
});

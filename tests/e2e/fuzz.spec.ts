// Fuzzing the production build (issue 9): ≥ 10,000 payloads generated with fast-check against the ATS API and the
// main server actions. Every answer must be a clear one — never a 5xx —, every validation error must name its fields,
// and afterwards the database must hold exactly what the successful answers said: each accepted candidate with its
// screening and audit events, nothing from a refused request (checked through the app's own exports and audit log).
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import Papa from "papaparse";
import type { APIRequestContext, BrowserContext } from "@playwright/test";
import { createApiKeyThroughUi } from "./api-key-helper";
import { expect, signIn, test, uniqueName } from "./fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const SEED = 20_261_204;
const API_RUNS = 7_000;
const ACTION_RUNS = 3_000;
const CONCURRENCY = 4;
const SIGN_IN_RUNS = 12;

// ── Generators ──────────────────────────────────────────────────────────────────────────────────────────────────
/** Text that is sometimes ordinary and sometimes everything a client can get wrong. */
const nasty = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 1, arbitrary: fc.constantFrom("a\u0000b", "lone \ud800 high", "lone \udc00 low", "", " ", "=cmd|' /C calc'!A0", "<script>alert(1)</script>", "'; DROP TABLE candidates; --", "x".repeat(5_000)) },
);
const maybe = <T>(clean: fc.Arbitrary<T>, weight = 14) => fc.oneof({ weight, arbitrary: clean }, { weight: 1, arbitrary: nasty as fc.Arbitrary<unknown> }, { weight: 1, arbitrary: fc.anything() });
const iso = fc.date({ min: new Date("2018-01-01"), max: new Date("2026-12-01"), noInvalidDate: true }).map((d) => d.toISOString());
const ip = fc.oneof(fc.ipV4(), fc.ipV6(), fc.constantFrom("175.45.176.1", "185.220.101.1", "5.101.96.10", "1.2.3.4.5", "256.1.1.1", "::gggg", "010.1.1.1"));
const country = fc.constantFrom("US", "GB", "DE", "KP", "CA", "us", "XX", "USA", "");

function submissionArb(run: () => number) {
  return fc
    .record(
      {
        legalName: maybe(fc.string({ minLength: 1, maxLength: 60 })),
        email: maybe(fc.oneof({ weight: 4, arbitrary: fc.constantFrom("jo@example.com", "a.b@mailinator.com", "dev@gmail.com") }, { weight: 1, arbitrary: fc.emailAddress() })),
        phone: maybe(fc.constantFrom("+1 415 555 0100", "+44 56 1234 5678", "+82 2 1234 5678", "+1 206 555 0199", "555", "call me")),
        city: maybe(fc.constantFrom("Austin", "Seattle", "London", "Berlin")),
        region: maybe(fc.constantFrom("TX", "WA", "")),
        country: maybe(country),
        stage: fc.oneof({ weight: 9, arbitrary: fc.constantFrom("APPLICATION", "INTERVIEW", "OFFER", "ONBOARDING") }, { weight: 1, arbitrary: nasty }),
        ips: fc.array(fc.record({ ip: maybe(ip), context: maybe(fc.constantFrom("application", "interview", "onboarding", "work")), at: fc.option(maybe(iso)) }, { requiredKeys: ["ip", "context"] }), { maxLength: 4 }),
        activity: fc.option(fc.array(maybe(iso), { maxLength: 6 })),
        jobs: fc.option(
          fc.array(
            fc.record({ employerName: maybe(fc.string({ minLength: 1, maxLength: 40 })), title: maybe(fc.string({ maxLength: 40 })), start: maybe(iso.map((s) => s.slice(0, 10))), current: fc.boolean() }),
            { maxLength: 3 },
          ),
        ),
        extra: fc.option(fc.dictionary(fc.string({ maxLength: 8 }), fc.anything(), { maxKeys: 2 }), { freq: 8 }),
      },
      { requiredKeys: ["legalName", "email", "stage", "ips"] },
    )
    .map((r) => {
      const n = run();
      const profile: Record<string, unknown> = {
        candidate: { legalName: r.legalName, email: typeof r.email === "string" ? r.email.replace("@", `+fz${n}@`) : r.email, phone: r.phone, claimedLocation: { city: r.city, region: r.region, country: r.country } },
        observations: { ips: r.ips, ...(r.activity ? { activityTimestamps: r.activity } : {}) },
        ...(r.jobs ? { workHistory: r.jobs } : {}),
        ...(r.extra ?? {}),
      };
      return { externalId: `fz-${n}`, stage: r.stage, profile };
    });
}

type ApiCase =
  | { kind: "submission"; body: unknown; idempotencyKey?: string }
  | { kind: "json"; body: unknown }
  | { kind: "raw"; body: Uint8Array; contentType: string };

function apiCaseArb(run: () => number): fc.Arbitrary<ApiCase> {
  return fc.oneof(
    { weight: 7, arbitrary: fc.record({ kind: fc.constant("submission" as const), body: submissionArb(run), idempotencyKey: fc.option(fc.oneof(fc.uuid(), fc.constantFrom("reused-key-1", "reused-key-2"), fc.string({ maxLength: 250 })), { nil: undefined }) }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("json" as const), body: fc.jsonValue({ maxDepth: 4 }) }) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("raw" as const), body: fc.uint8Array({ maxLength: 300 }), contentType: fc.constantFrom("application/json", "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "") }) },
  );
}

// ── Running ─────────────────────────────────────────────────────────────────────────────────────────────────────
async function runPool<T>(items: T[], worker: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        await worker(items[i], i);
      }
    }),
  );
}

/** The action's id in this build, posted to `page` (one that renders it, as a browser would). */
function builtAction(key: string, page: string): { id: string; page: string } {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, ".next/server/server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const [id] = Object.entries(manifest.node).find(([, a]) => `${a.filename}#${a.exportedName}` === key)!;
  return { id, page };
}

/**
 * Arguments as React's client encodes them for a server action (`encodeReply`): a string starting with "$" is
 * escaped as "$$…", since "$" starts a reference in that format. Without it the fuzz would only test React's decoder.
 */
function encodeActionArgs(value: unknown): unknown {
  if (typeof value === "string") return value.startsWith("$") ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeActionArgs);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeActionArgs(v)]));
  return value;
}

const failures: string[] = [];
function fail(message: string) {
  if (failures.length < 30) failures.push(message);
}

test("fuzz: 10,000 generated payloads against the API and the main actions — no 5xx, field errors, no partial rows", async ({ browser, baseURL }) => {
  test.setTimeout(20 * 60_000);
  const testStarted = Date.now();
  const contexts: BrowserContext[] = [];
  const adminContext = await browser.newContext({ baseURL });
  contexts.push(adminContext);
  const admin = await adminContext.newPage();
  await signIn(admin, "admin");
  const keys: string[] = [];
  for (let i = 0; i < 8; i++) keys.push((await createApiKeyThroughUi(admin, { name: uniqueName(`fuzz ${i}`) })).key);
  const recruiterContext = await browser.newContext({ baseURL });
  contexts.push(recruiterContext);
  await signIn(await recruiterContext.newPage(), "recruiter");
  const recruiter: APIRequestContext = recruiterContext.request;

  const started = Date.now();
  console.log(`[fuzz] keys created at ${((Date.now() - testStarted) / 1000).toFixed(0)} s`);
  // ── The API ──
  let runCounter = 0;
  const cases = fc.sample(apiCaseArb(() => runCounter++), { numRuns: API_RUNS, seed: SEED });
  const accepted = new Map<string, string>(); // externalId → candidateId
  const refusedExternalIds = new Set<string>();
  const statusCounts: Record<number, number> = {};
  await runPool(cases, async (c, i) => {
    const headers: Record<string, string> = { authorization: `Bearer ${keys[i % keys.length]}` };
    let data: string | Buffer;
    if (c.kind === "raw") {
      if (c.contentType) headers["content-type"] = c.contentType;
      data = Buffer.from(c.body);
    } else {
      headers["content-type"] = "application/json";
      data = JSON.stringify(c.body) ?? "null";
      if (c.kind === "submission" && c.idempotencyKey !== undefined) headers["idempotency-key"] = c.idempotencyKey;
    }
    const res = await recruiter.fetch("/api/v1/candidates", { method: "POST", headers, data, failOnStatusCode: false, maxRedirects: 0 });
    const status = res.status();
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    const externalId = c.kind === "submission" ? (c.body as { externalId: string }).externalId : null;
    if (status >= 500) return fail(`API case ${i} answered ${status}: ${JSON.stringify(c).slice(0, 400)}`);
    const body = await res.json().catch(() => null);
    if (status === 429) return; // the per-key limit: a clear answer, nothing written
    if (status === 200 || status === 201) {
      if (!externalId) return fail(`API case ${i}: ${status} for a non-submission`);
      // A replay (same Idempotency-Key, same body) answers the first submit's candidate, which has its own external id.
      if (res.headers()["idempotent-replayed"] !== "true") accepted.set(externalId, body.candidateId);
      return;
    }
    if (externalId) refusedExternalIds.add(externalId);
    if (!body?.error?.code) return fail(`API case ${i}: ${status} without an error body`);
    if (body.error.code === "VALIDATION" && Object.keys(body.error.fieldErrors ?? {}).length === 0) fail(`API case ${i}: a validation error that names no field`);
  });

  const apiSeconds = (Date.now() - started) / 1000;
  console.log(`[fuzz] API phase ${apiSeconds.toFixed(0)} s`);
  // ── The main actions: create a candidate, add stage evidence, record a decision, sign in ──
  const target = [...accepted.values()][0];
  const create = builtAction("app/(app)/candidates/actions.ts#createCandidateAction", "/candidates/new");
  const stage = builtAction("app/(app)/candidates/[id]/evidence/[stage]/actions.ts#submitStageEvidenceAction", `/candidates/${target}/evidence/application`);
  const decide = builtAction("app/(app)/candidates/[id]/actions.ts#recordDecisionAction", `/candidates/${target}`);
  const signInAct = builtAction("app/(auth)/sign-in/actions.ts#signInAction", "/sign-in");
  expect(target, "the API fuzz accepted at least one candidate").toBeTruthy();
  const createdByAction = new Map<string, string>(); // email marker → candidate id
  const refusedEmails = new Set<string>();
  let actionRun = 0;
  type ActionCase = { action: { id: string; page: string }; form: Record<string, unknown>; marker: string | null };
  const actionCases: ActionCase[] = fc.sample<ActionCase>(
    fc.oneof(
      {
        weight: 5,
        arbitrary: fc
          .record(
            {
              fullName: maybe(fc.string({ minLength: 1, maxLength: 50 })),
              email: maybe(fc.oneof({ weight: 4, arbitrary: fc.constantFrom("sam@example.org", "x.y@mailinator.com") }, { weight: 1, arbitrary: fc.emailAddress() })),
              phone: maybe(fc.constantFrom("+1 415 555 0100", "+44 20 7946 0958", "12")),
              claimedCity: maybe(fc.string({ maxLength: 20 })),
              claimedCountry: maybe(fc.constantFrom("US", "GB", "DE", "KP", "XX")),
              idempotencyKey: maybe(fc.uuid({ version: 4 })),
            },
            { requiredKeys: ["fullName", "email", "idempotencyKey"] },
          )
          .map((form) => {
            const n = actionRun++;
            return { action: create, form: { ...form, email: typeof form.email === "string" ? form.email.replace("@", `+fza${n}@`) : form.email }, marker: `+fza${n}@` };
          }),
      },
      {
        weight: 3,
        arbitrary: fc
          .record({
            stageKey: maybe(fc.constantFrom("APPLICATION", "INTERVIEW", "ONBOARDING")),
            stage: maybe(fc.constantFrom("APPLICATION", "INTERVIEW", "OFFER", "ONBOARDING")),
            profile: submissionArb(() => actionRun++).map((s) => s.profile),
            raw: fc.option(nasty, { freq: 5 }),
            idempotencyKey: maybe(fc.uuid({ version: 4 })),
          })
          .map(({ profile, raw, ...rest }) => ({ action: stage, form: { ...rest, candidateId: target, payload: raw ?? JSON.stringify({ candidate: (profile as { candidate: unknown }).candidate, observations: (profile as { observations: unknown }).observations }) }, marker: null })),
      },
      { weight: 1, arbitrary: fc.record({ outcome: maybe(fc.constantFrom("PROCEED", "HOLD", "REFER_TO_SECURITY", "CLEARED")), rationale: maybe(fc.string({ minLength: 10, maxLength: 200 })) }).map((form) => ({ action: decide, form: { ...form, candidateId: target }, marker: null })) },
    ),
    { numRuns: ACTION_RUNS - SIGN_IN_RUNS, seed: SEED + 1 },
  );
  // A few sign-ins only: every failure counts against this machine's address (30 per 10 minutes), and the rest of
  // the suite signs in from the same address.
  actionCases.push(
    ...fc.sample(
      fc.record({ email: maybe(fc.emailAddress()), password: maybe(fc.string({ maxLength: 30 })) }).map((form) => ({ action: signInAct, form, marker: null })),
      { numRuns: SIGN_IN_RUNS, seed: SEED + 2 },
    ),
  );
  await runPool(actionCases, async (c, i) => {
    const requester = c.action === signInAct ? adminContext.request : recruiter;
    const res = await requester.post(c.action.page, {
      headers: { origin: baseURL!, "next-action": c.action.id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
      data: JSON.stringify(encodeActionArgs([null, c.form])),
      failOnStatusCode: false,
      maxRedirects: 0,
    });
    const status = res.status();
    statusCounts[status] = (statusCounts[status] ?? 0) + 1;
    const text = await res.text();
    // A server action that throws answers 200 with an error digest in its payload: a 500 in all but name.
    if (/^\d+:E\{"digest"/m.test(text)) return fail(`action case ${i} threw (error digest): ${JSON.stringify(c.form).slice(0, 300)}`);
    if (status >= 500) return fail(`action case ${i} (${c.action === create ? "create" : c.action === stage ? "stage" : c.action === decide ? "decide" : "sign-in"}) answered ${status}: ${JSON.stringify(c.form).slice(0, 300)} → ${text.slice(0, 200)}`);
    const redirect = res.headers()["x-action-redirect"] ?? "";
    if (c.marker) {
      const id = /\/candidates\/([0-9a-f-]{36})/.exec(redirect)?.[1];
      if (id) createdByAction.set(c.marker, id);
      else refusedEmails.add(c.marker);
    }
    if (text.includes('"code":"VALIDATION"') && !/"fieldErrors":\{"[^"]+"/.test(text) && !text.includes('"code":"VALIDATION","message":"The form could not be read')) {
      fail(`action case ${i}: a validation error that names no field: ${text.slice(0, 300)}`);
    }
  });

  const actionSeconds = (Date.now() - started) / 1000 - apiSeconds;
  expect(failures, `first failures (of ${API_RUNS + ACTION_RUNS} cases; status counts ${JSON.stringify(statusCounts)})`).toEqual([]);

  console.log(`[fuzz] action phase ${actionSeconds.toFixed(0)} s`);
  // ── Afterwards: the database holds exactly what the answers said ──
  const csv = await adminContext.request.get("/api/exports/candidates.csv");
  expect(csv.status()).toBe(200);
  const rows = Papa.parse<Record<string, string>>((await csv.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  const byExternal = new Map(rows.filter((r) => r.external_id?.startsWith("fz-")).map((r) => [r.external_id, r.id]));
  expect([...byExternal.keys()].sort()).toEqual([...accepted.keys()].sort());
  for (const [ext, id] of accepted) expect(byExternal.get(ext), ext).toBe(id);
  for (const ext of refusedExternalIds) expect(byExternal.has(ext), `refused ${ext} left a row`).toBe(false);
  const actionRows = rows.filter((r) => /\+fza\d+@/.test(r.email ?? ""));
  expect(new Set(actionRows.map((r) => /\+fza\d+@/.exec(r.email)![0]))).toEqual(new Set(createdByAction.keys()));

  const screeningsCsv = await adminContext.request.get("/api/exports/screenings.csv");
  const screenings = Papa.parse<Record<string, string>>((await screeningsCsv.text()).replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
  const screened = new Map<string, number>();
  for (const s of screenings) screened.set(s.candidate_id, (screened.get(s.candidate_id) ?? 0) + 1);
  for (const id of [...accepted.values(), ...createdByAction.values()]) expect(screened.get(id) ?? 0, `screenings of ${id}`).toBeGreaterThanOrEqual(1);

  console.log(`[fuzz] exports checked at ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // Audit events, for a sample: each accepted candidate's creation and screening are in the audit log.
  const sample = [...accepted.values(), ...createdByAction.values()].filter((_, i) => i % Math.max(1, Math.floor((accepted.size + createdByAction.size) / 25)) === 0);
  for (const id of sample) {
    await admin.goto(`/audit?action=candidate.created&subject=${id}`);
    await expect(admin.getByTestId("audit-row")).toHaveCount(1);
    await admin.goto(`/audit?action=candidate.screened&subject=${id}`);
    await expect(admin.getByTestId("audit-row").first()).toBeVisible();
  }
  console.log(
    `[fuzz] ${API_RUNS} API payloads in ${apiSeconds.toFixed(0)} s + ${ACTION_RUNS} action payloads in ${actionSeconds.toFixed(0)} s; status counts ${JSON.stringify(statusCounts)}; ` +
      `${accepted.size} candidates accepted by the API, ${createdByAction.size} by the form action, ${refusedExternalIds.size + refusedEmails.size} refused; ` +
      `rows checked: ${byExternal.size + actionRows.length} candidates, ${screenings.length} screenings, ${sample.length} audit samples`,
  );
  for (const c of contexts) await c.close();
});

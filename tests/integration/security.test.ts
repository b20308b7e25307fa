// Issue 9: API-key privilege, CSRF and body rules on route handlers, sign-in throttling, session revocation, the
// audit credential — against the real database, through the real route handlers and use cases.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createUserRoute } from "@/app/api/admin/users/route";
import { GET as getCandidateRoute } from "@/app/api/v1/candidates/[id]/route";
import { POST as submitRoute } from "@/app/api/v1/candidates/route";
import type { CandidateSubmissionInput } from "@/lib/schemas/profile";
import { createApiKey } from "@/lib/server/api-keys/create-api-key";
import { authenticateUser, SignInThrottled } from "@/lib/server/auth/authenticate-user";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { changeUserRole } from "@/lib/server/users/change-user-role";
import { resetUserPassword } from "@/lib/server/users/reset-user-password";
import { setUserDisabled } from "@/lib/server/users/set-user-disabled";
import { createTestUser, TEST_PASSWORD } from "../support/factories";

const ROOT = path.resolve(import.meta.dirname, "../..");
const BASE = "http://localhost:3000/api";
const noParams = { params: Promise.resolve({}) };
const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

let admin: Actor;
let example: CandidateSubmissionInput;

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  example = JSON.parse(await readFile(path.join(ROOT, "docs/examples/profile.json"), "utf8"));
});

function submission(): CandidateSubmissionInput {
  const copy = structuredClone(example);
  const tag = randomUUID().slice(0, 8);
  copy.externalId = `sec-${tag}`;
  copy.profile.candidate = { ...copy.profile.candidate, email: `sec.${tag}@example.com` };
  return copy;
}

function postJson(url: string, body: unknown, headers: Record<string, string>) {
  return new Request(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

describe("API keys act with min(key role, creator's current role) (issue 9)", () => {
  it("an ADMIN key stops creating candidates when its creator is demoted to security analyst, and keeps reading", async () => {
    const creator = await createTestUser("ADMIN");
    const { key } = await createApiKey({ actor: creator, input: { name: "admin key", role: "ADMIN" } });
    const first = await submitRoute(postJson(`${BASE}/v1/candidates`, submission(), bearer(key)), noParams);
    expect(first.status).toBe(201);
    const { candidateId } = await first.json();

    await changeUserRole({ actor: admin, userId: creator.id, role: "SECURITY" });
    const body = submission();
    const refused = await submitRoute(postJson(`${BASE}/v1/candidates`, body, bearer(key)), noParams);
    expect(refused.status).toBe(403);
    expect(await getDb().candidate.count({ where: { externalId: body.externalId } })).toBe(0);
    // SECURITY can read candidates, so the key still can.
    const read = await getCandidateRoute(new Request(`${BASE}/v1/candidates/${candidateId}`, { headers: bearer(key) }), { params: Promise.resolve({ id: candidateId }) });
    expect(read.status).toBe(200);
  });

  it("an expired key is refused (401)", async () => {
    const created = await createApiKey({ actor: admin, input: { name: "short-lived", role: "RECRUITER", expiresInDays: "30" } });
    expect(created.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect((await submitRoute(postJson(`${BASE}/v1/candidates`, submission(), bearer(created.key)), noParams)).status).toBe(201);
    await getDb().apiKey.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await submitRoute(postJson(`${BASE}/v1/candidates`, submission(), bearer(created.key)), noParams);
    expect(res.status).toBe(401);
    expect((await res.json()).error.message).toMatch(/expired/);
  });

  it("audit rows of a key's writes name the key by its prefix as the credential", async () => {
    const created = await createApiKey({ actor: admin, input: { name: "audited", role: "RECRUITER" } });
    const res = await submitRoute(postJson(`${BASE}/v1/candidates`, submission(), bearer(created.key)), noParams);
    const { candidateId } = await res.json();
    const events = await getDb().auditEvent.findMany({ where: { subjectType: "Candidate", subjectId: candidateId } });
    expect(events.map((e) => e.action).sort()).toEqual(["candidate.created", "candidate.screened"]);
    expect(events.every((e) => e.credential === `api_key:${created.prefix}` && e.actorId === admin.id)).toBe(true);
  });
});

describe("route handlers refuse cross-site cookies and non-JSON bodies (issue 9 CSRF)", () => {
  const userBody = () => ({ email: `csrf.${randomUUID().slice(0, 8)}@example.com`, name: "Planted Admin", role: "ADMIN", password: "attacker-chosen-password" });

  it("a cookie-carrying POST from another origin (another port of the same host) is refused before the session is read", async () => {
    const variants: Record<string, string>[] = [
      { cookie: "authjs.session-token=whatever", "sec-fetch-site": "same-site", origin: "http://localhost:4000" },
      { cookie: "authjs.session-token=whatever", "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      // No Fetch Metadata (an older browser): the Origin must be ours.
      { cookie: "authjs.session-token=whatever", origin: "http://localhost:4000", host: "localhost:3000" },
      // Neither header: refused too.
      { cookie: "authjs.session-token=whatever" },
    ];
    for (const headers of variants) {
      const body = userBody();
      const res = await createUserRoute(postJson(`${BASE}/admin/users`, body, headers), noParams);
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.message).toMatch(/Cross-site request refused/);
      expect(await getDb().user.count({ where: { email: body.email } })).toBe(0);
    }
  });

  it("a text/plain body (what a cross-site form can send) is 415, even with a valid key", async () => {
    const { key } = await createApiKey({ actor: admin, input: { name: "plain", role: "RECRUITER" } });
    const body = submission();
    const res = await submitRoute(new Request(`${BASE}/v1/candidates`, { method: "POST", headers: { "content-type": "text/plain", ...bearer(key) }, body: JSON.stringify(body) }), noParams);
    expect(res.status).toBe(415);
    expect(await getDb().candidate.count({ where: { externalId: body.externalId } })).toBe(0);
  });

  it("a body over 1 MB is 413 and NUL / lone-surrogate text is a 400 naming the field; nothing is written", async () => {
    const { key } = await createApiKey({ actor: admin, input: { name: "big", role: "RECRUITER" } });
    const big = submission();
    big.profile.observations = { ...big.profile.observations, resumeText: "x".repeat(1_100_000) };
    const tooBig = await submitRoute(postJson(`${BASE}/v1/candidates`, big, bearer(key)), noParams);
    expect(tooBig.status).toBe(413);
    expect(await getDb().candidate.count({ where: { externalId: big.externalId } })).toBe(0);

    const nul = submission();
    nul.profile.candidate = { ...nul.profile.candidate, legalName: "Jordan\u0000Null" };
    const res = await submitRoute(postJson(`${BASE}/v1/candidates`, nul, bearer(key)), noParams);
    expect(res.status).toBe(400);
    expect((await res.json()).error.fieldErrors).toHaveProperty(["profile.candidate.legalName"]);
    const surrogate = submission();
    surrogate.profile.candidate = { ...surrogate.profile.candidate, legalName: "Jordan \ud800 Lone" };
    const res2 = await submitRoute(postJson(`${BASE}/v1/candidates`, surrogate, bearer(key)), noParams);
    expect(res2.status).toBe(400);
    expect(await getDb().candidate.count({ where: { externalId: { in: [nul.externalId!, surrogate.externalId!] } } })).toBe(0);
  });

  it("over the per-key rate limit a key gets 429 with Retry-After", async () => {
    const { key } = await createApiKey({ actor: admin, input: { name: "busy", role: "RECRUITER" } });
    const id = randomUUID();
    const responses = await Promise.all(
      Array.from({ length: 260 }, () => getCandidateRoute(new Request(`${BASE}/v1/candidates/${id}`, { headers: bearer(key) }), { params: Promise.resolve({ id }) })),
    );
    const limited = responses.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0].headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(responses.filter((r) => r.status === 404).length).toBeGreaterThanOrEqual(200);
    // Another key is not affected.
    const other = (await createApiKey({ actor: admin, input: { name: "calm", role: "RECRUITER" } })).key;
    expect((await getCandidateRoute(new Request(`${BASE}/v1/candidates/${id}`, { headers: bearer(other) }), { params: Promise.resolve({ id }) })).status).toBe(404);
  });
});

describe("sign-in throttling (issue 9: 10 bad passwords locked the real user out; spraying was not throttled)", () => {
  const attempt = (email: string, password: string, ip: string) => authenticateUser({ email, password, ip, userAgent: "vitest" });

  it("five failures from one address pause that address for that account, not the account elsewhere", async () => {
    const user = await createTestUser("RECRUITER");
    for (let i = 0; i < 5; i++) expect(await attempt(user.email, "wrong-password", "198.51.100.1")).toBeNull();
    // Refused before the password is checked — the right one too — and audited.
    await expect(attempt(user.email, TEST_PASSWORD, "198.51.100.1")).rejects.toBeInstanceOf(SignInThrottled);
    // The real user, somewhere else, signs in.
    const ok = await attempt(user.email, TEST_PASSWORD, "203.0.113.77");
    expect(ok?.id).toBe(user.id);
    const refused = await getDb().auditEvent.findMany({ where: { action: "auth.sign_in_refused", ip: "198.51.100.1" } });
    expect(refused.some((e) => (e.after as { email?: string }).email === user.email)).toBe(true);
  });

  it("password spraying across accounts from one address is throttled", async () => {
    const ip = "198.51.100.99";
    for (let i = 0; i < 30; i++) expect(await attempt(`nobody-${i}-${randomUUID().slice(0, 6)}@example.com`, "Winter2026!", ip)).toBeNull();
    const victim = await createTestUser("SECURITY");
    await expect(attempt(victim.email, "Winter2026!", ip)).rejects.toMatchObject({ code: "rate_limited" });
  });

  it("a successful sign-in opens a server-side session; a password reset, a role change or disabling ends every session", async () => {
    const user = await createTestUser("RECRUITER");
    const db = getDb();
    const s1 = await attempt(user.email, TEST_PASSWORD, "203.0.113.5");
    const s2 = await attempt(user.email, TEST_PASSWORD, "203.0.113.6");
    expect(s1?.sessionId).toBeTruthy();
    const open = () => db.userSession.count({ where: { userId: user.id, revokedAt: null } });
    expect(await open()).toBe(2);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "auth.signed_in", actorId: user.id }, orderBy: { id: "desc" } });
    expect(audit.credential).toBe(`session:${s2!.sessionId.slice(0, 8)}`);

    await resetUserPassword({ actor: admin, userId: user.id, password: "a-brand-new-password" });
    expect(await open()).toBe(0);
    expect((await db.userSession.findUniqueOrThrow({ where: { id: s1!.sessionId } })).revokedReason).toBe("password_reset");

    await attempt(user.email, "a-brand-new-password", "203.0.113.5");
    await changeUserRole({ actor: admin, userId: user.id, role: "SECURITY" });
    expect(await open()).toBe(0);
    await attempt(user.email, "a-brand-new-password", "203.0.113.5");
    await setUserDisabled({ actor: admin, userId: user.id, disabled: true });
    expect(await open()).toBe(0);
  });
});

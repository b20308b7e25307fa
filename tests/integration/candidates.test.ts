import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/server/auth/authorization";
import { createCandidate } from "@/lib/server/candidates/create-candidate";
import { getCandidate } from "@/lib/server/candidates/get-candidate";
import { listCandidates } from "@/lib/server/candidates/list-candidates";
import { getDb } from "@/lib/server/db";
import { candidateInput, createTestUser } from "../support/factories";

let recruiter: Actor;
let security: Actor;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  security = await createTestUser("SECURITY");
});

const meta = { ip: "203.0.113.7", userAgent: "vitest" };

describe("createCandidate", () => {
  it("writes the candidate and its audit event together", async () => {
    const input = candidateInput();
    const { id, replayed } = await createCandidate({ actor: recruiter, input, idempotencyKey: randomUUID(), meta });
    expect(replayed).toBe(false);
    const db = getDb();
    const row = await db.candidate.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ fullName: input.fullName, email: input.email, stage: "APPLICATION", createdById: recruiter.id });
    const audit = await db.auditEvent.findMany({ where: { subjectType: "Candidate", subjectId: id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["candidate.created", "candidate.screened"]);
    expect(audit[0]).toMatchObject({ actorId: recruiter.id, ip: "203.0.113.7", userAgent: "vitest" });
    expect(audit[0].after).toMatchObject({ fullName: input.fullName, email: input.email });
    // The screening that ran on this submit is recorded and referenced by its audit event.
    const screening = await db.screening.findFirstOrThrow({ where: { candidateId: id } });
    expect(audit[1].after).toMatchObject({ screeningId: screening.id, score: screening.score, band: screening.band });
    expect(row.latestBand).toBe(screening.band);
  });

  it("writes neither the candidate nor the audit event when the audit insert fails", async () => {
    const db = getDb();
    const input = candidateInput();
    // Make the audit insert fail inside the transaction, after the candidate insert has run.
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_audit() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'audit store unavailable (test)'; END; $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_events FOR EACH ROW EXECUTE FUNCTION test_fail_audit()`);
    try {
      await expect(createCandidate({ actor: recruiter, input, idempotencyKey: randomUUID(), meta })).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_audit ON audit_events`);
    }
    expect(await db.candidate.count({ where: { email: input.email } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "candidate.created", after: { path: ["email"], equals: input.email } } })).toBe(0);
  });

  it("returns the first result for a repeated idempotency key, sequentially and concurrently", async () => {
    const input = candidateInput();
    const key = randomUUID();
    const first = await createCandidate({ actor: recruiter, input, idempotencyKey: key, meta });
    const again = await createCandidate({ actor: recruiter, input, idempotencyKey: key, meta });
    expect(again).toEqual({ id: first.id, replayed: true, screeningId: first.screeningId });

    const concurrentInput = candidateInput();
    const concurrentKey = randomUUID();
    const results = await Promise.all([1, 2, 3].map(() => createCandidate({ actor: recruiter, input: concurrentInput, idempotencyKey: concurrentKey, meta })));
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    const db = getDb();
    expect(await db.candidate.count({ where: { email: { in: [input.email, concurrentInput.email] } } })).toBe(2);
  });

  it("refuses a key that another user already used", async () => {
    const admin = await createTestUser("ADMIN");
    const key = randomUUID();
    await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: key });
    await expect(createCandidate({ actor: admin, input: candidateInput(), idempotencyKey: key })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("refuses a role without candidates.create and writes nothing", async () => {
    const input = candidateInput();
    await expect(createCandidate({ actor: security, input, idempotencyKey: randomUUID(), meta })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().candidate.count({ where: { email: input.email } })).toBe(0);
  });
});

describe("listCandidates", () => {
  it("pages newest first with a keyset cursor, without gaps or repeats", async () => {
    const db = getDb();
    // Several candidates with the same created_at exercise the id tie-breaker.
    const at = new Date("2030-01-01T00:00:00.000Z");
    const ids = await Promise.all(
      Array.from({ length: 7 }, async () => {
        const c = candidateInput();
        const row = await db.candidate.create({ data: { ...c, createdById: recruiter.id, updatedById: recruiter.id, createdAt: at }, select: { id: true } });
        return row.id;
      }),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCandidates({ actor: security, query: { sort: "newest", limit: 3, cursor } });
      seen.push(...page.items.map((i) => i.id));
      for (let i = 1; i < page.items.length; i++) {
        const a = page.items[i - 1];
        const b = page.items[i];
        expect(a.createdAt.getTime() > b.createdAt.getTime() || (a.createdAt.getTime() === b.createdAt.getTime() && a.id > b.id)).toBe(true);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    const total = await db.candidate.count();
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    // The future-dated rows come first, ordered by id descending.
    expect(seen.slice(0, 7)).toEqual([...ids].sort().reverse());
  });

  it("rejects a tampered cursor with a validation error", async () => {
    await expect(listCandidates({ actor: recruiter, query: { sort: "newest", limit: 5, cursor: "not-a-cursor" } })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("getCandidate", () => {
  it("returns the candidate and records the view", async () => {
    const { id } = await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: randomUUID() });
    const { candidate, auditTrail } = await getCandidate({ actor: security, candidateId: id, meta });
    expect(candidate.id).toBe(id);
    expect(auditTrail?.map((e) => e.action)).toEqual(["candidate.viewed", "candidate.screened", "candidate.created"]);
  });

  it("gives the audit trail only to those with audit.read: a recruiter gets none (issue 9)", async () => {
    const { id } = await createCandidate({ actor: recruiter, input: candidateInput(), idempotencyKey: randomUUID() });
    const asRecruiter = await getCandidate({ actor: recruiter, candidateId: id, meta });
    expect(asRecruiter.candidate.id).toBe(id);
    expect(asRecruiter.auditTrail).toBeNull();
    expect((await getCandidate({ actor: security, candidateId: id, meta })).auditTrail?.length).toBeGreaterThan(0);
  });

  it("answers NOT_FOUND for an unknown id", async () => {
    await expect(getCandidate({ actor: recruiter, candidateId: randomUUID() })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("listCandidates filters and sorts", () => {
  it("finds candidates by name fragment, email prefix and phone digits, and filters by band and indicator", async () => {
    const db = getDb();
    const tag = randomUUID().slice(0, 6);
    const mk = (over: Partial<{ fullName: string; email: string; phone: string; phoneDigits: string; latestBand: string; latestScore: number; latestIndicators: string[] }>) =>
      db.candidate.create({
        data: { fullName: `Filter Person ${tag}`, email: `filter.${randomUUID().slice(0, 6)}@example.org`, createdById: recruiter.id, updatedById: recruiter.id, ...over },
        select: { id: true },
      });
    const a = await mk({ fullName: `Quinn Zebulon ${tag}`, latestBand: "HIGH", latestScore: 60, latestIndicators: ["LNK-01", "PAY-02"] });
    const b = await mk({ email: `zz-${tag}@example.org`, phone: "+1 (415) 555-0177", phoneDigits: "14155550177", latestBand: "LOW", latestScore: 8, latestIndicators: ["LOC-04"] });
    const base = { sort: "newest" as const, limit: 50 };
    const ids = async (q: Partial<Parameters<typeof listCandidates>[0]["query"]>) => (await listCandidates({ actor: recruiter, query: { ...base, ...q } })).items.map((i) => i.id);

    expect(await ids({ q: `zebulon ${tag}` })).toEqual([a.id]);
    expect(await ids({ q: `zz-${tag}@example.org` })).toEqual([b.id]);
    expect(await ids({ q: "(415) 555-0177" })).toContain(b.id);
    expect(await ids({ q: "+1 415 555 0177" })).toContain(b.id);
    expect(await ids({ q: "(415) 555-0177" })).not.toContain(a.id);
    expect(await ids({ band: "HIGH", q: tag })).toEqual([a.id]);
    expect(await ids({ indicator: "LNK-01", q: tag })).toEqual([a.id]);
    expect(await ids({ indicator: "LOC-04", q: tag })).toEqual([b.id]);
    expect(await ids({ q: "100%_literal" })).toEqual([]); // LIKE wildcards are escaped
  });

  it("sorts screened candidates by risk with a stable keyset across pages", async () => {
    const seen: (number | null)[] = [];
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listCandidates({ actor: recruiter, query: { sort: "risk", limit: 4, cursor } });
      seen.push(...page.items.map((i) => i.latestScore));
      all.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.every((s) => s !== null)).toBe(true);
    const scores = seen as number[];
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(await getDb().candidate.count({ where: { latestScore: { not: null } } }));
  });
});

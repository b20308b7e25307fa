// The tamper-evident audit trail (issue 11, item 4; ADR 0010). Every audit event is chained by the database trigger;
// `npm run audit:verify` — run here as the real script, in a child process — recomputes the chain and must name the
// first bad event when a superuser with the triggers off edits, deletes, inserts or re-orders rows, and pass on an
// untouched log. Concurrent writers must never fork the chain.
import { execFile } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { GENESIS_HASH, hashAuditEvent } from "@/lib/audit-chain";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { getDb } from "@/lib/server/db";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { createScratchDatabase } from "../../scripts/lib/scratch-database.mjs";
import { prismaCli, ROOT, runNode } from "../../scripts/lib/processes.mjs";
import { createTestUser } from "../support/factories";

const embedded = inject("dbPoolMax") === "1";

type VerifyResult = { code: number; stdout: string; stderr: string };

function auditVerify(args: string[]): Promise<VerifyResult> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", path.join(ROOT, "scripts/audit-verify.ts"), ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: "" }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

describe("the chain the application writes", () => {
  it("is hashed the same way by the database trigger and by lib/audit-chain (Prisma writes and the set-based screening write)", async () => {
    const recruiter = await createTestUser("RECRUITER");
    const { candidateId } = await submitCandidate({
      actor: recruiter,
      submission: { stage: "APPLICATION", profile: { candidate: { legalName: "Chained Chloé", email: "chained.chloe@example.org" } } },
    });
    await getDb().$transaction((tx) =>
      recordAuditEvent(tx, {
        actorId: recruiter.id,
        action: "candidate.viewed",
        subjectType: "Candidate",
        subjectId: candidateId,
        after: { note: "=cmd|' /C calc'!A0", nested: { ü: [1, 2.5, null, "a\"b\n"] }, big: 12345678901234567890 },
        meta: { ip: "203.0.113.9", userAgent: "Mozilla/5.0 (Ünïcode)", credential: "session:abcdef12" },
      }),
    );
    const rows = await getDb().$queryRaw<
      { id: string; at: string; actor_id: string | null; action: string; subject_type: string; subject_id: string | null; before: string | null; after: string | null; ip: string | null; user_agent: string | null; credential: string | null; prev_hash: string; hash: string }[]
    >`SELECT id::text AS id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor_id::text AS actor_id, action, subject_type,
             subject_id, before::text AS before, after::text AS after, ip, user_agent, credential, prev_hash, hash
        FROM audit_events WHERE subject_id = ${candidateId} ORDER BY id`;
    expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(["candidate.created", "candidate.screened", "candidate.viewed"]));
    for (const r of rows) {
      expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
      const recomputed = hashAuditEvent(
        { id: r.id, at: r.at, actorId: r.actor_id, action: r.action, subjectType: r.subject_type, subjectId: r.subject_id, before: r.before, after: r.after, ip: r.ip, userAgent: r.user_agent, credential: r.credential },
        r.prev_hash,
      );
      expect(recomputed).toBe(r.hash);
    }
  });
});

describe.skipIf(embedded)("audit:verify against tampering by a superuser (real PostgreSQL)", () => {
  let template: Awaited<ReturnType<typeof createScratchDatabase>>;
  const copies: Awaited<ReturnType<typeof createScratchDatabase>>[] = [];
  let serverUrl: string;

  beforeAll(async () => {
    serverUrl = inject("databaseUrl");
    template = await createScratchDatabase(serverUrl, "hrs_audit_tpl");
    await runNode(prismaCli(), ["migrate", "deploy"], { env: { DATABASE_URL: template.url, CHECKPOINT_DISABLE: "1" }, label: "prisma migrate deploy" });
    await withClient(template.url, async (c) => {
      // 30 events through the chain trigger, with JSON, text and NULLs.
      await c.query(`
        INSERT INTO audit_events (action, subject_type, subject_id, before, after, ip, credential)
        SELECT CASE WHEN g % 3 = 0 THEN 'candidate.viewed' ELSE 'candidate.updated' END, 'Candidate', 'cand-' || (g % 4),
               CASE WHEN g % 2 = 0 THEN jsonb_build_object('stage', 'APPLICATION', 'n', g) END, jsonb_build_object('n', g),
               '198.51.100.' || g, CASE WHEN g % 5 = 0 THEN NULL ELSE 'session:' || g END
          FROM generate_series(1, 30) g ORDER BY g`);
    });
  }, 120_000);

  afterAll(async () => {
    for (const c of copies) await c.drop();
    await template?.drop();
  });

  /** A fresh copy of the 30-event log (CREATE DATABASE … TEMPLATE), tampered with by `tamper` as a superuser. */
  async function tamperedCopy(tamper: (c: pg.Client) => Promise<void>): Promise<string> {
    const copy = await createScratchDatabase(serverUrl, "hrs_audit_tamper");
    copies.push(copy);
    // createScratchDatabase made an empty database; replace it by a copy of the template.
    await withClient(serverUrl, async (admin) => {
      await admin.query(`DROP DATABASE "${copy.name}"`);
      await admin.query(`CREATE DATABASE "${copy.name}" TEMPLATE "${template.name}"`);
    });
    await withClient(copy.url, tamper);
    return copy.url;
  }

  async function ids(url: string): Promise<string[]> {
    return withClient(url, async (c) => (await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY id`)).rows.map((r) => r.id));
  }

  it("passes on the untouched log and prints the rate", async () => {
    const url = await tamperedCopy(async () => {});
    const result = await auditVerify(["--db", url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^OK: 30 audit events verified in [\d.]+ s \([\d,]+ events\/s\); chain head: event \d+, [0-9a-f]{64}$/m);
  });

  it("refuses to change a row while the triggers are on (append-only)", async () => {
    const url = await tamperedCopy(async () => {});
    await withClient(url, async (c) => {
      await expect(c.query(`UPDATE audit_events SET action = 'x' WHERE id = (SELECT min(id) FROM audit_events)`)).rejects.toThrow(/append-only/);
    });
  });

  it("names an edited row (triggers disabled with ALTER TABLE … DISABLE TRIGGER)", async () => {
    let target = "";
    const url = await tamperedCopy(async (c) => {
      target = (await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY id OFFSET 11 LIMIT 1`)).rows[0].id;
      await c.query(`ALTER TABLE audit_events DISABLE TRIGGER USER`);
      await c.query(`UPDATE audit_events SET after = '{"n": 999}' WHERE id = $1`, [target]);
      await c.query(`ALTER TABLE audit_events ENABLE TRIGGER USER`);
    });
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`FAIL: audit event ${target}: content changed`);
  });

  it("names an edited row even when its hash was recomputed to match (the next event no longer links)", async () => {
    let target = "";
    let next = "";
    const url = await tamperedCopy(async (c) => {
      [target, next] = (await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY id OFFSET 5 LIMIT 2`)).rows.map((r) => r.id);
      await c.query(`SET session_replication_role = replica`);
      await c.query(
        `UPDATE audit_events SET ip = '10.0.0.1',
           hash = audit_event_chain_hash(prev_hash, id, at, actor_id, action, subject_type, subject_id, before, after, '10.0.0.1', user_agent, credential)
         WHERE id = $1`,
        [target],
      );
    });
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`FAIL: audit event ${next}: prev_hash`);
    expect(result.stderr).toContain(`does not link to event ${target}`);
  });

  it("names the event after a deleted row (session_replication_role = replica)", async () => {
    let deleted = "";
    let after = "";
    const url = await tamperedCopy(async (c) => {
      [deleted, after] = (await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY id OFFSET 20 LIMIT 2`)).rows.map((r) => r.id);
      await c.query(`SET session_replication_role = replica`);
      await c.query(`DELETE FROM audit_events WHERE id = $1`, [deleted]);
    });
    expect(await ids(url)).not.toContain(deleted);
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`FAIL: audit event ${after}: prev_hash`);
    expect(result.stderr).toMatch(/deleted, inserted or re-ordered/);
  });

  it("sees the last event deleted (the chain head still names it)", async () => {
    let last = "";
    const url = await tamperedCopy(async (c) => {
      last = (await c.query<{ id: string }>(`SELECT max(id)::text AS id FROM audit_events`)).rows[0].id;
      await c.query(`SET session_replication_role = replica`);
      await c.query(`DELETE FROM audit_events WHERE id = $1`, [last]);
    });
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`FAIL: audit event ${last}: the chain head names event ${last}`);
  });

  it("names re-ordered rows: two rows' contents swapped", async () => {
    let first = "";
    const url = await tamperedCopy(async (c) => {
      const [a, b] = (await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY id OFFSET 8 LIMIT 2`)).rows.map((r) => r.id);
      first = a;
      await c.query(`SET session_replication_role = replica`);
      // Swap every content column of a and b, hashes included, keeping the ids.
      await c.query(
        `UPDATE audit_events t SET at = s.at, actor_id = s.actor_id, action = s.action, subject_type = s.subject_type, subject_id = s.subject_id,
                before = s.before, after = s.after, ip = s.ip, user_agent = s.user_agent, credential = s.credential, prev_hash = s.prev_hash, hash = s.hash
           FROM audit_events s WHERE (t.id, s.id) IN (($1::bigint, $2::bigint), ($2::bigint, $1::bigint))`,
        [a, b],
      );
    });
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`FAIL: audit event ${first}:`);
  });

  it("names re-ordered rows: ids exchanged", async () => {
    let first = "";
    const url = await tamperedCopy(async (c) => {
      const [a, b] = (await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY id OFFSET 14 LIMIT 2`)).rows.map((r) => r.id);
      first = a;
      await c.query(`SET session_replication_role = replica`);
      await c.query(`UPDATE audit_events SET id = -1 WHERE id = $1`, [a]);
      await c.query(`UPDATE audit_events SET id = $1 WHERE id = $2`, [a, b]);
      await c.query(`UPDATE audit_events SET id = $1 WHERE id = -1`, [b]);
    });
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`FAIL: audit event ${first}:`);
  });

  it("names a row moved in time (created_at changed)", async () => {
    let target = "";
    const url = await tamperedCopy(async (c) => {
      target = (await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY id OFFSET 3 LIMIT 1`)).rows[0].id;
      await c.query(`SET session_replication_role = replica`);
      await c.query(`UPDATE audit_events SET at = at - interval '3 days' WHERE id = $1`, [target]);
    });
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`FAIL: audit event ${target}: content changed`);
  });

  it("names a row inserted out of order, around the chain trigger", async () => {
    let inserted = "";
    const url = await tamperedCopy(async (c) => {
      const [a, b] = (await c.query<{ id: string }>(`SELECT id::text AS id FROM audit_events ORDER BY id OFFSET 12 LIMIT 2`)).rows.map((r) => Number(r.id));
      // Make room between two ids if they are adjacent, then slip a forged row in with a well-formed hash.
      await c.query(`SET session_replication_role = replica`);
      const id = b - a > 1 ? a + 1 : null;
      if (id === null) {
        await c.query(`UPDATE audit_events SET id = id + 1000 WHERE id >= $1`, [b]);
        await c.query(`UPDATE audit_chain_head SET last_id = last_id + 1000`);
      }
      const forged = id ?? a + 1;
      inserted = String(forged);
      const prev = (await c.query<{ hash: string }>(`SELECT hash FROM audit_events WHERE id = $1`, [a])).rows[0].hash;
      await c.query(
        `INSERT INTO audit_events (id, at, action, subject_type, subject_id, prev_hash, hash)
         VALUES ($1, '2026-12-01T10:00:00.123Z', 'decision.recorded', 'Candidate', 'cand-1', $2,
                 audit_event_chain_hash($2, $1, '2026-12-01T10:00:00.123Z', NULL, 'decision.recorded', 'Candidate', 'cand-1', NULL, NULL, NULL, NULL, NULL))`,
        [forged, prev],
      );
    });
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    // The forged row itself links and hashes correctly; the genuine event after it no longer links.
    const after = (await ids(url)).find((id) => BigInt(id) > BigInt(inserted));
    expect(result.stderr).toContain(`FAIL: audit event ${after}: prev_hash`);
  });

  it("names a row inserted with no hash at all", async () => {
    const url = await tamperedCopy(async (c) => {
      await c.query(`SET session_replication_role = replica`);
      await c.query(`INSERT INTO audit_events (id, action, subject_type) VALUES (100000, 'candidate.viewed', 'Candidate')`);
    });
    const result = await auditVerify(["--db", url]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("FAIL: audit event 100000: not chained");
  });
});

describe.skipIf(embedded)("concurrent writers", () => {
  it("keep the chain linear: 20 transactions appending at once never share a prev_hash", async () => {
    const url = inject("databaseUrl");
    const clients = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        return c;
      }),
    );
    try {
      await Promise.all(
        clients.map(async (c, i) => {
          for (let round = 0; round < 3; round++) {
            await c.query("BEGIN");
            await c.query(`INSERT INTO audit_events (action, subject_type, subject_id) VALUES ('candidate.viewed', 'Candidate', $1)`, [`writer-${i}`]);
            // Hold the transaction open a little so the writers really overlap.
            await c.query("SELECT pg_sleep(0.005)");
            await c.query(`INSERT INTO audit_events (action, subject_type, subject_id) VALUES ('candidate.viewed', 'Candidate', $1)`, [`writer-${i}`]);
            await c.query(round === 1 && i % 4 === 0 ? "ROLLBACK" : "COMMIT");
          }
        }),
      );
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const forks = await getDb().$queryRaw<{ prev_hash: string; n: number }[]>`
      SELECT prev_hash, count(*)::int AS n FROM audit_events GROUP BY prev_hash HAVING count(*) > 1`;
    expect(forks).toEqual([]);
    const broken = await getDb().$queryRaw<{ id: bigint }[]>`
      SELECT id FROM (SELECT id, prev_hash, lag(hash) OVER (ORDER BY id) AS previous FROM audit_events) x
       WHERE prev_hash IS DISTINCT FROM coalesce(previous, ${GENESIS_HASH})`;
    expect(broken).toEqual([]);
    const written = await getDb().auditEvent.count({ where: { subjectId: { startsWith: "writer-" } } });
    expect(written).toBe(20 * 3 * 2 - 5 * 2);
    const result = await auditVerify(["--db", url]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  }, 60_000);
});

describe("the audit viewer's use cases", () => {
  it("refuse a recruiter the log and the export, writing nothing", async () => {
    const { listAuditEvents } = await import("@/lib/server/audit/list-audit-events");
    const { exportAuditEventsCsv } = await import("@/lib/server/audit/export-audit-events-csv");
    const { auditLogQuerySchema, auditExportQuerySchema } = await import("@/lib/schemas/audit");
    const recruiter = await createTestUser("RECRUITER");
    await expect(listAuditEvents({ actor: recruiter, query: auditLogQuerySchema.parse({}) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportAuditEventsCsv({ actor: recruiter, query: auditExportQuerySchema.parse({}) })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().auditEvent.count({ where: { actorId: recruiter.id, action: "audit.exported" } })).toBe(0);
  });

  it("filter by subject type and id, page by keyset without gaps or repeats, and export exactly the filtered events", async () => {
    const { listAuditEvents } = await import("@/lib/server/audit/list-audit-events");
    const { exportAuditEventsCsv, parseAuditExportQuery } = await import("@/lib/server/audit/export-audit-events-csv");
    const { auditLogQuerySchema } = await import("@/lib/schemas/audit");
    const analyst = await createTestUser("SECURITY");
    const subjectId = `case-${Date.now().toString(36)}`;
    await getDb().$transaction(async (tx) => {
      for (let i = 0; i < 7; i++) {
        await recordAuditEvent(tx, { actorId: analyst.id, action: "candidate.viewed", subjectType: "Case", subjectId, meta: { ip: "192.0.2.1", userAgent: i === 0 ? "=SUM(A1:A9)" : "ua", credential: null } });
      }
      // Same id, another type: must not match.
      await recordAuditEvent(tx, { actorId: analyst.id, action: "candidate.viewed", subjectType: "Candidate", subjectId });
    });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await listAuditEvents({ actor: analyst, query: auditLogQuerySchema.parse({ category: "all", subjectType: "Case", subject: subjectId, limit: "3", cursor }) });
      seen.push(...page.items.map((e) => e.id));
      expect(page.items.every((e) => e.subjectType === "Case" && e.hash?.length === 64)).toBe(true);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);

    const query = parseAuditExportQuery(new URLSearchParams({ category: "all", subjectType: "Case", subject: subjectId }));
    const text = await new Response(await exportAuditEventsCsv({ actor: analyst, query })).text();
    const lines = text.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 7);
    expect(text).toContain(`,"'=SUM(A1:A9)",`);
    expect(text).not.toMatch(/,=SUM/);
    expect(await getDb().auditEvent.count({ where: { actorId: analyst.id, action: "audit.exported" } })).toBe(1);
    expect(() => parseAuditExportQuery(new URLSearchParams({ subjectType: "Case; DROP" }))).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });
});

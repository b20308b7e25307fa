import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { AuditChainWalker, canonicalAuditEvent, GENESIS_HASH, hashAuditEvent, type ChainedAuditEvent } from "@/lib/audit-chain";

function chain(n: number): ChainedAuditEvent[] {
  const events: ChainedAuditEvent[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content = {
      id: String(i * 2),
      at: `2026-12-04T10:00:0${i % 10}.123Z`,
      actorId: i % 2 ? "7d0c7b0e-2f0a-4c55-9a51-5b1d6f3f1a01" : null,
      action: "candidate.viewed",
      subjectType: "Candidate",
      subjectId: `c-${i}`,
      before: null,
      after: i % 3 ? `{"n": ${i}, "s": "ü|x"}` : null,
      ip: "203.0.113.7",
      userAgent: "Mozilla/5.0",
      credential: null,
    };
    const hash = hashAuditEvent(content, prev);
    events.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return events;
}

function verifyPack(file: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/audit-verify.ts", "--pack", file], { cwd: path.resolve(import.meta.dirname, "../..") }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
    );
  });
}

describe("the canonical serialisation", () => {
  it("length-prefixes every field in UTF-8 bytes and writes NULL as -", () => {
    const e = chain(1)[0];
    expect(canonicalAuditEvent({ ...e, after: "ü|", actorId: null }, GENESIS_HASH)).toBe(
      `hrs-audit-chain-v1|64:${GENESIS_HASH}|1:2|24:2026-12-04T10:00:01.123Z|-|16:candidate.viewed|9:Candidate|3:c-1|-|3:ü||11:203.0.113.7|11:Mozilla/5.0|-`,
    );
  });
});

describe("AuditChainWalker", () => {
  it("accepts an intact chain and names the first changed, missing or re-ordered event", () => {
    const events = chain(6);
    const ok = new AuditChainWalker();
    expect(events.map((e) => ok.check(e))).toEqual(events.map(() => null));

    const edited = new AuditChainWalker();
    const changed = events.map((e, i) => (i === 2 ? { ...e, subjectId: "c-other" } : e));
    expect(changed.map((e) => edited.check(e)).find(Boolean)).toMatchObject({ id: "6", problem: expect.stringMatching(/^content changed/) });

    const dropped = new AuditChainWalker();
    expect(events.filter((_, i) => i !== 3).map((e) => dropped.check(e)).find(Boolean)).toMatchObject({ id: "10", problem: expect.stringMatching(/does not link to event 6/) });

    const swapped = new AuditChainWalker();
    const order = [events[0], events[2], events[1], ...events.slice(3)];
    expect(order.map((e) => swapped.check(e)).find(Boolean)).toMatchObject({ id: "6", problem: expect.stringMatching(/does not link/) });
  });
});

describe("audit:verify --pack", () => {
  it("verifies an excerpt with a documented gap offline, and fails on an altered one", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "audit-pack-"));
    const events = chain(8);
    const good = path.join(dir, "good.json");
    await writeFile(good, JSON.stringify({ events: [...events.slice(1, 3), { gap: true, omitted: 2 }, ...events.slice(5)] }));
    const ok = await verifyPack(good);
    expect(ok.out).toMatch(/^OK: 5 audit events verified .* events\/s\); 1 documented gap\(s\)/m);
    expect(ok.code).toBe(0);

    const bad = path.join(dir, "bad.json");
    await writeFile(bad, JSON.stringify([...events.slice(1, 3), ...events.slice(5)]));
    const refused = await verifyPack(bad);
    expect(refused.code).toBe(1);
    expect(refused.out).toContain(`FAIL: audit event ${events[5].id}: prev_hash`);
  }, 30_000);
});

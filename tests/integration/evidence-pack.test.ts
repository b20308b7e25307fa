// Evidence packs (issue 11): one file from a case that `npm run audit:verify -- --pack` proves complete and unaltered
// offline; any change to its content or its events, or an event left out, fails; the download is audited; recruiters
// are refused.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { candidateSubmissionSchema } from "@/lib/schemas/profile";
import type { Actor } from "@/lib/server/auth/authorization";
import { addCaseNote } from "@/lib/server/cases/add-case-note";
import { buildEvidencePack, type EvidencePack } from "@/lib/server/cases/build-evidence-pack";
import { evidencePackHtml } from "@/lib/server/cases/evidence-pack-html";
import { getDb } from "@/lib/server/db";
import { demoCandidates } from "@/lib/server/demo/demo-candidates";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { ROOT } from "../../scripts/lib/processes.mjs";
import { createTestUser } from "../support/factories";

let recruiter: Actor;
let analyst: Actor;
let dir: string;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  analyst = await createTestUser("SECURITY");
  dir = await mkdtemp(path.join(os.tmpdir(), "hrs-pack-"));
});

async function verify(pack: unknown): Promise<{ code: number; output: string }> {
  const file = path.join(dir, `${randomUUID()}.json`);
  await writeFile(file, JSON.stringify(pack));
  return new Promise((resolve) =>
    execFile(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/audit-verify.ts"), "--pack", file], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, output: stdout + stderr }),
    ),
  );
}

async function caseWithNote() {
  const demo = demoCandidates().find((d) => d.submission.externalId === "DEMO-1185")!;
  const s = candidateSubmissionSchema.parse(demo.submission);
  const tag = randomUUID().slice(0, 8);
  const submission = { ...s, externalId: `PACK-${tag}`, profile: { ...s.profile, candidate: { ...s.profile.candidate, email: `pack.${tag}@example.org`, phone: null } } };
  const { candidateId } = await submitCandidate({ actor: recruiter, submission });
  const c = await getDb().reviewCase.findFirstOrThrow({ where: { candidateId } });
  await addCaseNote({ actor: analyst, input: { caseId: c.id, body: `Checked the ship-to ${tag} <script>alert(1)</script>` } });
  return c.id;
}

describe("evidence pack", () => {
  let pack: EvidencePack;
  let caseId: string;

  it("holds the case, its candidate's screenings with facts and rulesets, and its audit events; it verifies offline", async () => {
    caseId = await caseWithNote();
    pack = JSON.parse(JSON.stringify(await buildEvidencePack({ actor: analyst, caseId, meta: { ip: "203.0.113.9", userAgent: "vitest" } }))) as EvidencePack;
    const content = pack.content as { screenings: { facts: unknown; ruleset: { config: unknown }; hits: unknown[] }[]; notes: { body: string }[]; case: { id: string } };
    expect(content.case.id).toBe(caseId);
    expect(content.screenings.length).toBeGreaterThan(0);
    expect(content.screenings[0].facts).toBeTruthy();
    expect(content.screenings[0].ruleset.config).toBeTruthy();
    expect(content.notes[0].body).toMatch(/^Checked the ship-to/);
    const events = pack.events.filter((e): e is Extract<EvidencePack["events"][number], { action: string }> => !("gap" in e));
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(["candidate.created", "case.opened", "case.note_added"]));
    expect(events[events.length - 1].action).toBe("case.evidence_exported");
    // The download itself is an audit event.
    expect(await getDb().auditEvent.count({ where: { action: "case.evidence_exported", subjectId: caseId } })).toBe(1);

    // The printable view carries the same content hash and escapes what people wrote.
    const html = evidencePackHtml(pack);
    expect(html).toContain(pack.contentSha256);
    expect(html).toContain("Checked the ship-to");
    expect(html).not.toMatch(/<script/i);

    const ok = await verify(pack);
    expect(ok.code, ok.output).toBe(0);
    expect(ok.output).toContain("evidence pack content and event list match its export event");
  });

  it("fails on changed content, a changed event, or an event left out", async () => {
    const changedContent = structuredClone(pack);
    (changedContent.content as { notes: { body: string }[] }).notes[0].body = "Nothing to see";
    const a = await verify(changedContent);
    expect(a.code).not.toBe(0);
    expect(a.output).toContain("content changed");

    const changedEvent = structuredClone(pack);
    const first = changedEvent.events.find((e) => !("gap" in e)) as { after: string | null };
    first.after = first.after === null ? '{"forged": true}' : `${first.after.slice(0, -1)}, "forged": true}`;
    const b = await verify(changedEvent);
    expect(b.code, b.output).not.toBe(0);

    const leftOut = structuredClone(pack);
    const index = leftOut.events.findIndex((e) => !("gap" in e) && e.action === "case.note_added");
    leftOut.events.splice(index, 1, { gap: true, omitted: 1 });
    const c = await verify(leftOut);
    expect(c.code).not.toBe(0);
    expect(c.output).toContain("events left out of the pack");
  });

  it("is refused to recruiters, and nothing is recorded", async () => {
    const before = await getDb().auditEvent.count({ where: { action: "case.evidence_exported", subjectId: caseId } });
    await expect(buildEvidencePack({ actor: recruiter, caseId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().auditEvent.count({ where: { action: "case.evidence_exported", subjectId: caseId } })).toBe(before);
  });
});

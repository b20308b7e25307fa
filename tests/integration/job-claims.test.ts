// Background jobs with more than one worker: a job is processed by one live worker at a time, a worker taken for dead
// stops writing, and the job of a killed worker is resumed and finished exactly once. Real concurrent calls on the
// real database, and a real worker process killed with SIGKILL.
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inject } from "vitest";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { getImportJob } from "@/lib/server/imports/get-import-job";
import { processImportJob } from "@/lib/server/imports/process-import-job";
import { startImportJob } from "@/lib/server/imports/start-import-job";
import { uploadImportFile } from "@/lib/server/imports/upload-import-file";
import { enqueueRescreen } from "@/lib/server/jobs/enqueue-rescreen";
import { stopJobQueue } from "@/lib/server/jobs/get-job-queue";
import { claimFence, claimJob, JobClaimLost } from "@/lib/server/jobs/job-claim";
import { processRescreenJob } from "@/lib/server/jobs/process-rescreen-job";
import { reapStaleJobs } from "@/lib/server/jobs/reap-stale-jobs";
import { submitCandidates } from "@/lib/server/screening/submit-candidates";
import { createTestUser } from "../support/factories";

let recruiter: Actor;
let admin: Actor;

beforeAll(async () => {
  recruiter = await createTestUser("RECRUITER");
  admin = await createTestUser("ADMIN");
});

afterAll(async () => {
  await stopJobQueue();
});

function csvOf(tag: string, rows: number): string {
  const lines = ["Candidate ID,Full Name,Email Address,City,Country,Stage"];
  for (let i = 0; i < rows; i++) lines.push(`${tag}-${i},Quinn Worker ${tag} ${i},quinn.${tag}.${i}@example.org,Portland,US,Application`);
  return `${lines.join("\n")}\n`;
}

/** A queued import of `rows` good rows; returns its id and the tag its external ids start with. */
async function queuedImport(rows: number): Promise<{ id: string; tag: string }> {
  const tag = randomUUID().slice(0, 8);
  const content = csvOf(tag, rows);
  const { id } = await uploadImportFile({ actor: recruiter, fileName: `${tag}.csv`, bytes: new TextEncoder().encode(content) });
  const job = await getImportJob({ actor: recruiter, importJobId: id });
  await startImportJob({ actor: recruiter, importJobId: id, mapping: job.mapping });
  return { id, tag };
}

/** Every row written exactly once: one candidate, one screening, one created + one screened audit event, one key. */
async function expectEachRowOnce(jobId: string, tag: string, rows: number) {
  const db = getDb();
  const candidates = await db.candidate.findMany({ where: { externalId: { startsWith: `${tag}-` } }, select: { id: true, externalId: true } });
  expect(candidates).toHaveLength(rows);
  expect(new Set(candidates.map((c) => c.externalId)).size).toBe(rows);
  const ids = candidates.map((c) => c.id);
  expect(await db.screening.count({ where: { candidateId: { in: ids } } })).toBe(rows);
  expect(await db.auditEvent.count({ where: { action: "candidate.created", subjectId: { in: ids } } })).toBe(rows);
  expect(await db.auditEvent.count({ where: { action: "candidate.screened", subjectId: { in: ids } } })).toBe(rows);
  expect(await db.idempotencyKey.count({ where: { key: { startsWith: `import:${jobId}:` } } })).toBe(rows);
  expect(await db.importJob.findUniqueOrThrow({ where: { id: jobId } })).toMatchObject({
    status: "COMPLETED",
    totalRows: rows,
    processedRows: rows,
    createdRows: rows,
    updatedRows: 0,
    failedRows: 0,
    workerId: null,
  });
}

async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("one worker per re-screen", () => {
  it("concurrent workers: one re-screens, the others are busy; a taken-over run adds no second screening", async () => {
    const db = getDb();
    // Runs first in this file: the database holds these 40 candidates and few others.
    const imported = await queuedImport(40);
    expect(await processImportJob({ importJobId: imported.id })).toMatchObject({ status: "COMPLETED" });
    const subjectId = randomUUID();
    const { rescreenJobId } = await enqueueRescreen({ reason: "SANCTIONS_LIST", subjectId, actorId: admin.id });
    const active = await db.candidate.count({ where: { stage: { not: "WITHDRAWN" } } });
    const results = await Promise.all(["worker-a", "worker-b"].map((workerId) => processRescreenJob({ rescreenJobId, checkpointEvery: 25, workerId })));
    expect(results.map((r) => r.status).sort()).toEqual(["BUSY", "COMPLETED"]);
    const keyed = () => db.idempotencyKey.count({ where: { key: { startsWith: `rescreen:SANCTIONS_LIST:${subjectId}:` } } });
    expect(await keyed()).toBe(active);

    // A stale run (its worker died) is taken over and replays: still one screening per candidate.
    await db.$executeRaw`UPDATE rescreen_jobs SET status = 'RUNNING', worker_id = 'worker-dead', heartbeat_at = now() WHERE id = ${rescreenJobId}::uuid`;
    expect(await processRescreenJob({ rescreenJobId, workerId: "worker-c" })).toMatchObject({ status: "BUSY" });
    await db.$executeRaw`UPDATE rescreen_jobs SET heartbeat_at = now() - interval '1 hour' WHERE id = ${rescreenJobId}::uuid`;
    expect((await reapStaleJobs({ staleSeconds: 60 })).rescreens).toEqual([rescreenJobId]);
    expect(await processRescreenJob({ rescreenJobId, workerId: "worker-c" })).toMatchObject({ status: "COMPLETED", processed: active, rescreened: 0 });
    expect(await keyed()).toBe(active);
  });
});

describe("one worker per job", () => {
  it("workers started at the same moment on one import: exactly one processes it, the others are told it is busy", async () => {
    const { id, tag } = await queuedImport(120);
    const results = await Promise.all(["worker-a", "worker-b", "worker-c"].map((workerId) => processImportJob({ importJobId: id, checkpointEvery: 10, workerId })));
    expect(results.map((r) => r.status).sort()).toEqual(["BUSY", "BUSY", "COMPLETED"]);
    await expectEachRowOnce(id, tag, 120);
  });

  it("a claim held with a fresh heartbeat is not taken; a stale one is", async () => {
    const { id } = await queuedImport(1);
    expect(await claimJob("import", id, "worker-a", 60)).toBe(true);
    expect(await claimJob("import", id, "worker-a", 60)).toBe(true);
    expect(await claimJob("import", id, "worker-b", 60)).toBe(false);
    await getDb().$executeRaw`UPDATE import_jobs SET heartbeat_at = now() - interval '61 seconds' WHERE id = ${id}::uuid`;
    expect(await claimJob("import", id, "worker-b", 60)).toBe(true);
    expect(await claimJob("import", id, "worker-a", 60)).toBe(false);
  });

  it("a worker taken for dead part-way stops writing at its next batch; the worker that takes over finishes, each row once", async () => {
    // Enough rows that the first worker is still running when the reaper looks, on a fast and quiet machine too.
    const rows = 2_000;
    const { id, tag } = await queuedImport(rows);
    const db = getDb();
    const first = processImportJob({ importJobId: id, checkpointEvery: 10, workerId: "worker-slow" });
    await waitFor("the first checkpoints", async () => (await db.importJob.findUniqueOrThrow({ where: { id } })).processedRows >= 50);
    // As another process's reaper would after JOB_STALE_AFTER_SECONDS without a heartbeat (0 here: any heartbeat is old).
    const reaped = await reapStaleJobs({ staleSeconds: 0 });
    expect(reaped.imports).toContain(id);
    const second = await processImportJob({ importJobId: id, checkpointEvery: 10, workerId: "worker-new" });
    const stopped = await first;
    expect(stopped.status).toBe("LOST");
    expect(stopped.processedRows).toBeLessThan(rows);
    expect(second.status).toBe("COMPLETED");
    await expectEachRowOnce(id, tag, rows);
  });

  it("a batch written under a claim that is no longer ours writes nothing and rejects", async () => {
    const { id } = await queuedImport(1);
    expect(await claimJob("import", id, "worker-new", 60)).toBe(true);
    const email = `fenced.${randomUUID().slice(0, 8)}@example.org`;
    await expect(
      submitCandidates({
        actor: recruiter,
        items: [{ submission: { stage: "APPLICATION", profile: { candidate: { legalName: "Fenced Out", email } } } }],
        trigger: "csv",
        fence: claimFence("import", id, "worker-old"),
      }),
    ).rejects.toBeInstanceOf(JobClaimLost);
    expect(await getDb().candidate.count({ where: { email } })).toBe(0);
  });

  it("the reaper queues a stale job once, however often it runs", async () => {
    const { id } = await queuedImport(3);
    const db = getDb();
    const waiting = () => db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'csv-import' AND state = 'created' AND data->>'importJobId' = ${id}`;
    expect((await waiting())[0].n).toBe(1);
    expect(await claimJob("import", id, "worker-dead", 60)).toBe(true);
    await db.$executeRaw`UPDATE import_jobs SET status = 'RUNNING', heartbeat_at = now() - interval '1 hour' WHERE id = ${id}::uuid`;
    expect((await reapStaleJobs({ staleSeconds: 60 })).imports).toEqual([id]);
    // Released, heartbeat renewed: a second pass (another process's reaper) leaves it alone.
    expect(await db.importJob.findUniqueOrThrow({ where: { id }, select: { workerId: true } })).toEqual({ workerId: null });
    expect((await reapStaleJobs({ staleSeconds: 60 })).imports).not.toContain(id);
    await db.$executeRaw`UPDATE import_jobs SET heartbeat_at = now() - interval '1 hour' WHERE id = ${id}::uuid`;
    expect((await reapStaleJobs({ staleSeconds: 60 })).imports).toEqual([id]);
    // Still one waiting delivery: the queue's singleton key is the job id.
    expect((await waiting())[0].n).toBe(1);
  });

  it("a worker process killed with SIGKILL mid-import: its claim holds until stale, then the job is resumed and every row is written once", { timeout: 60_000 }, async () => {
    const rows = 600;
    const { id, tag } = await queuedImport(rows);
    const db = getDb();
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/register-server-only.mjs", "tests/support/process-import-in-child.ts", id, "20"], {
      env: { ...process.env, DATABASE_URL: inject("databaseUrl"), DB_POOL_MAX: inject("dbPoolMax"), JOB_STALE_AFTER_SECONDS: "60" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    try {
      const killedAt = await waitFor("the child's checkpoints", async () => {
        const job = await db.importJob.findUniqueOrThrow({ where: { id } });
        return job.processedRows >= 100 && job.processedRows;
      });
      child.kill("SIGKILL");
      expect(await exited).toBe("SIGKILL");
      expect(killedAt).toBeLessThan(rows);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    const { workerId: deadWorker } = JSON.parse(output.split("\n")[0]) as { workerId: string };
    const left = await db.importJob.findUniqueOrThrow({ where: { id } });
    expect(left).toMatchObject({ status: "RUNNING", workerId: deadWorker });
    expect(left.processedRows).toBeLessThan(rows);

    // Its heartbeat is fresh: nobody may take the job yet.
    expect(await processImportJob({ importJobId: id, workerId: "worker-eager" })).toMatchObject({ status: "BUSY" });
    expect((await reapStaleJobs({ staleSeconds: 60 })).imports).not.toContain(id);
    // Once stale, the reaper releases it and another worker resumes from the last checkpoint.
    await new Promise((r) => setTimeout(r, 1_100));
    expect((await reapStaleJobs({ staleSeconds: 1 })).imports).toContain(id);
    const resumed = await processImportJob({ importJobId: id, checkpointEvery: 50, workerId: "worker-heir" });
    expect(resumed.status).toBe("COMPLETED");
    await expectEachRowOnce(id, tag, rows);
  });
});

describe("a worker started while the database is unreachable", () => {
  it("keeps trying, and processes the queue once the database answers", { timeout: 60_000 }, async () => {
    const { id, tag } = await queuedImport(30);
    const target = new URL(inject("databaseUrl"));
    // A port where nothing listens yet; later a plain TCP relay to the real database opens on it.
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const relayed = new URL(target);
    relayed.hostname = "127.0.0.1";
    relayed.port = String(port);
    const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/lib/register-server-only.mjs", "tests/support/start-worker-in-child.ts"], {
      env: { ...process.env, DATABASE_URL: relayed.toString(), DB_POOL_MAX: inject("dbPoolMax"), JOB_STALE_AFTER_SECONDS: "60" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const sockets = new Set<net.Socket>();
    const relay = net.createServer((socket) => {
      const upstream = net.connect(Number(target.port || 5432), target.hostname);
      sockets.add(socket).add(upstream);
      socket.pipe(upstream).pipe(socket);
      const close = () => (socket.destroy(), upstream.destroy());
      socket.on("error", close).on("close", close);
      upstream.on("error", close).on("close", close);
    });
    try {
      await waitFor("the worker to find the database unreachable", async () => /database is unreachable; starting the worker again/.test(output), 30_000);
      expect(output).not.toContain("worker started");
      await new Promise<void>((resolve) => relay.listen(port, "127.0.0.1", resolve));
      await waitFor("the worker to start", async () => output.includes("worker started"), 30_000);
      await waitFor("the import to complete", async () => (await getDb().importJob.findUniqueOrThrow({ where: { id } })).status === "COMPLETED", 30_000);
      await expectEachRowOnce(id, tag, 30);
    } finally {
      child.kill("SIGKILL");
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => relay.close(resolve));
    }
  });
});

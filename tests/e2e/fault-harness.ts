// Fault tests start their own app processes (the production build, `next start`) on databases of their own, so they
// can kill the app or stop the database without disturbing the shared e2e server or the machine's PostgreSQL.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import net from "node:net";
import pg from "pg";
import { startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres.mjs";
import { nextCli, prismaCli, ROOT, runNode, SERVER_SCRIPT_ARGS } from "../../scripts/lib/processes.mjs";
import { createScratchDatabase } from "../../scripts/lib/scratch-database.mjs";

export const log = (message: string) => console.log(`[fault] ${message}`);

/** A free TCP port on loopback (asked of the kernel, released at once). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type OwnDatabase = {
  url: string;
  /** Connections an app process may open (the embedded server takes one). */
  poolMax: string;
  kind: "embedded" | "server";
  /** Stops the database server (embedded only: the machine's PostgreSQL is shared and never restarted). */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data (embedded only). */
  start(): Promise<void>;
  /** Stops and deletes it. */
  dispose(): Promise<void>;
};

/**
 * An embedded PostgreSQL (PGlite) hosted in this test process, persisted in `dataDir`, so it can be stopped and
 * started again on the same port: for the app, a real database server going away and coming back.
 */
export async function embeddedDatabase(dataDir: string): Promise<OwnDatabase> {
  let server = await startEmbeddedPostgres({ dataDir });
  const port = server.port;
  let running = true;
  return {
    url: server.url,
    poolMax: "1",
    kind: "embedded",
    async stop() {
      if (!running) return;
      running = false;
      await server.stop();
    },
    async start() {
      if (running) return;
      server = await startEmbeddedPostgres({ dataDir, port });
      running = true;
    },
    async dispose() {
      if (running) await server.stop();
      running = false;
    },
  };
}

/** A scratch database on the server in DATABASE_URL when there is one (CI), else an embedded one in `dataDir`. */
export async function ownDatabase(dataDir: string): Promise<OwnDatabase> {
  if (!process.env.DATABASE_URL) return embeddedDatabase(dataDir);
  const scratch = await createScratchDatabase(process.env.DATABASE_URL, "hrs_fault");
  const refuse = async () => {
    throw new Error("the shared PostgreSQL server is never stopped by tests");
  };
  return { url: scratch.url, poolMax: "10", kind: "server", stop: refuse, start: refuse, dispose: () => scratch.drop() };
}

/** Migrations and the demo data (demo users with the demo password), as `npm start` does on a first start. */
export async function migrateAndSeed(databaseUrl: string): Promise<void> {
  const env = { DATABASE_URL: databaseUrl, CHECKPOINT_DISABLE: "1" };
  await runNode(prismaCli(), ["migrate", "deploy"], { env, label: "prisma migrate deploy" });
  await runNode("prisma/seed.ts", ["--if-empty"], { env, label: "seed", nodeArgs: SERVER_SCRIPT_ARGS });
}

/** A new API key with the recruiter role, made with the `npm run apikey` CLI; returns the key. */
export function createApiKey(databaseUrl: string, name: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SERVER_SCRIPT_ARGS, "scripts/apikey.ts", "create", "--name", name, "--role", "RECRUITER"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`apikey CLI exited ${code}`))));
  });
}

/** Queries a database with one short-lived connection (for checks after the app has stopped). */
export async function queryDatabase<R extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<R[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** The production build served by `next start` (the same process runs the background worker), on its own port. */
export class AppProcess {
  private exitPromise: Promise<string>;
  private output: string[] = [];

  private constructor(
    readonly port: number,
    private readonly child: ChildProcess,
  ) {
    this.exitPromise = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? `exit ${code}`)));
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString().split("\n")) if (line.trim()) this.output.push(line);
      if (this.output.length > 2000) this.output.splice(0, this.output.length - 2000);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** Lines the app printed that match `pattern` (e.g. its worker's log). */
  logLines(pattern: RegExp): string[] {
    return this.output.filter((l) => pattern.test(l));
  }

  static async start({ port, env }: { port: number; env: Record<string, string> }): Promise<AppProcess> {
    const child = spawn(process.execPath, [nextCli(), "start", "-p", String(port), "-H", "127.0.0.1"], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_TRUST_HOST: "true", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const app = new AppProcess(port, child);
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the app exited at start:\n${app.output.slice(-30).join("\n")}`);
      try {
        const res = await fetch(`${app.baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.status === 200) return app;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`the app did not become healthy in 60 s:\n${app.output.slice(-30).join("\n")}`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** SIGKILL: no shutdown code runs, exactly like a crash or the OOM killer. */
  async kill(): Promise<string> {
    this.child.kill("SIGKILL");
    return this.exitPromise;
  }

  /** SIGTERM, then SIGKILL after 10 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), 10_000);
    await this.exitPromise;
    clearTimeout(timer);
  }
}

/** Secrets for app processes that must agree with each other (sessions survive an app restart). */
export function appSecrets(): Record<string, string> {
  return { AUTH_SECRET: randomBytes(32).toString("base64url"), LINK_HMAC_SECRET: randomBytes(32).toString("base64url") };
}

// `npm run bench:audit-verify [-- --events 1000000 --runs 3]`: the audit hash chain (ADR 0010) at scale.
//   1. a scratch database on the PostgreSQL server in DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/postgres),
//      migrated, filled with N audit events by set-based SQL through the real chain trigger (so the chain is valid);
//   2. `audit:verify` run as the real script R times: events/s of each run and the median;
//   3. the cost of chaining on the append path: 20 concurrent writers committing one two-event transaction after
//      another (what a screening writes), with the chain triggers on and then off.
// Drops the database afterwards.
import { execFile } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { prismaCli, ROOT, runNode } from "./lib/processes.mjs";
import { createScratchDatabase } from "./lib/scratch-database.mjs";

const { values } = parseArgs({
  options: { events: { type: "string", default: "1000000" }, runs: { type: "string", default: "3" }, seconds: { type: "string", default: "5" } },
});
const EVENTS = Number(values.events);
const RUNS = Number(values.runs);
const SECONDS = Number(values.seconds);
const SERVER_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const BATCH = 100_000;
const log = (msg: string) => console.log(`[bench:audit-verify] ${msg}`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function verify(url: string): Promise<{ rate: number; seconds: number }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/audit-verify.ts"), "--db", url], { cwd: ROOT, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`audit:verify failed: ${stderr || stdout}`));
      const m = /verified in ([\d.]+) s \(([\d,]+) events\/s\)/.exec(stdout);
      if (!m) return reject(new Error(`unexpected audit:verify output: ${stdout}`));
      resolve({ seconds: Number(m[1]), rate: Number(m[2].replace(/,/g, "")) });
    });
  });
}

async function appendRate(url: string): Promise<number> {
  const clients = await Promise.all(Array.from({ length: 20 }, async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    return c;
  }));
  let committed = 0;
  const until = performance.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      while (performance.now() < until) {
        await c.query("BEGIN");
        await c.query(
          `INSERT INTO audit_events (action, subject_type, subject_id, after, ip, user_agent, credential)
           SELECT a, 'Candidate', $1, '{"band": "LOW", "score": 12, "stage": "APPLICATION"}', '198.51.100.7', 'bench', 'api_key:bench'
             FROM unnest(ARRAY['candidate.created', 'candidate.screened']) a`,
          [`bench-${i}`],
        );
        await c.query("COMMIT");
        committed += 1;
      }
    }),
  );
  await Promise.all(clients.map((c) => c.end()));
  return committed / SECONDS;
}

async function main() {
  const scratch = await createScratchDatabase(SERVER_URL, "hrs_bench_audit");
  try {
    log(`database ${scratch.name}; migrating`);
    await runNode(prismaCli(), ["migrate", "deploy"], { env: { DATABASE_URL: scratch.url, CHECKPOINT_DISABLE: "1" }, label: "prisma migrate deploy" });
    const db = new pg.Client({ connectionString: scratch.url });
    await db.connect();
    try {
      const started = performance.now();
      for (let done = 0; done < EVENTS; done += BATCH) {
        const n = Math.min(BATCH, EVENTS - done);
        // Realistic rows: candidate events with JSON before/after, the client address, user agent and credential.
        await db.query(
          `INSERT INTO audit_events (at, action, subject_type, subject_id, before, after, ip, user_agent, credential)
           SELECT now() - make_interval(secs => ($1 - g)), (ARRAY['candidate.created','candidate.screened','candidate.viewed','candidate.updated'])[1 + g % 4],
                  'Candidate', md5(g::text)::uuid::text,
                  CASE WHEN g % 4 = 3 THEN jsonb_build_object('stage', 'APPLICATION', 'email', 'casey.' || g || '@example.org') END,
                  jsonb_build_object('score', g % 100, 'band', (ARRAY['LOW','MEDIUM','HIGH','CRITICAL'])[1 + g % 4], 'indicators', jsonb_build_array('LNK-01', 'DOC-03')),
                  '198.51.100.' || (g % 250), 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/153.0 Safari/537.36', 'session:' || left(md5(g::text), 8)
             FROM generate_series($2::int + 1, $2::int + $3::int) g ORDER BY g`,
          [EVENTS, done, n],
        );
      }
      const genSeconds = (performance.now() - started) / 1000;
      log(`${EVENTS.toLocaleString("en")} chained events written in ${genSeconds.toFixed(1)} s (${Math.round(EVENTS / genSeconds).toLocaleString("en")} events/s through the trigger, set-based)`);
      await db.query("VACUUM ANALYZE audit_events");
    } finally {
      await db.end();
    }

    const rates: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const { rate, seconds } = await verify(scratch.url);
      rates.push(rate);
      log(`audit:verify run ${r + 1}: ${seconds.toFixed(2)} s, ${rate.toLocaleString("en")} events/s`);
    }
    log(`audit:verify over ${EVENTS.toLocaleString("en")} events: median ${median(rates).toLocaleString("en")} events/s (${RUNS} runs)`);

    const chained = await appendRate(scratch.url);
    const admin = new pg.Client({ connectionString: scratch.url });
    await admin.connect();
    await admin.query(`ALTER TABLE audit_events DISABLE TRIGGER audit_events_chain, DISABLE TRIGGER audit_events_chain_head`);
    const unchained = await appendRate(scratch.url);
    await admin.query(`ALTER TABLE audit_events ENABLE TRIGGER audit_events_chain, ENABLE TRIGGER audit_events_chain_head`);
    await admin.end();
    log(`append path, 20 writers, two events per transaction: ${Math.round(chained)} tx/s chained, ${Math.round(unchained)} tx/s with the chain triggers off`);
  } finally {
    await scratch.drop();
  }
}

await main();

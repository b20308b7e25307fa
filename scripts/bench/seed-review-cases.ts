// Review cases at scale for `npm run bench:review`: on a copy of the 1M-candidate linkage database
// (scripts/bench/seed-linkage.ts, then `prisma migrate deploy`), 100,000 open and 50,000 closed cases, each with two
// screenings (the one last reviewed and the latest, so "what changed" has work to do), ten analysts to assign to,
// and indicators on the candidates. Idempotent: does nothing when cases exist.
// Usage: npx tsx scripts/bench/seed-review-cases.ts [--db <url>]
import pg from "pg";

const url = process.argv.includes("--db") ? process.argv[process.argv.indexOf("--db") + 1] : "postgresql://postgres@127.0.0.1:5432/hcases_bench";
const client = new pg.Client({ connectionString: url });
await client.connect();
const run = async (label: string, sql: string) => {
  const t = performance.now();
  const r = await client.query(sql);
  console.log(`${label}: ${r.rowCount ?? 0} rows, ${Math.round(performance.now() - t)} ms`);
};

const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM review_cases");
if (rows[0].n > 0) {
  console.log(`${rows[0].n} cases already in ${url}`);
} else {
  await run(
    "analysts",
    `INSERT INTO users (id, email, name, password_hash, role, updated_at)
     SELECT gen_random_uuid(), 'bench-analyst-' || i || '@example.com', 'Bench Analyst ' || i, 'x', 'SECURITY', now() FROM generate_series(1, 10) i
     ON CONFLICT (email) DO NOTHING`,
  );
  await run(
    "ruleset",
    `INSERT INTO ruleset_versions (id, version, status, config, published_at)
     SELECT gen_random_uuid(), coalesce(max(version), 0) + 1, 'PUBLISHED', '{}'::jsonb, now() FROM ruleset_versions`,
  );
  await run(
    "case candidates",
    `CREATE TEMP TABLE bench_cases AS
     SELECT id AS candidate_id, row_number() OVER () AS n, gen_random_uuid() AS reviewed_id, gen_random_uuid() AS latest_id
       FROM (SELECT id FROM candidates TABLESAMPLE SYSTEM (20) LIMIT 150000) c`,
  );
  // Hits as the engine stores them (rule id, title, severity, indicator ids); the latest screening gains a rule on
  // every third case and loses one on every fifth, so the queue's "what changed" compares real arrays.
  const hits = (offset: string) => `(SELECT jsonb_agg(jsonb_build_object('ruleId', 'rule-' || ((n + k + ${offset}) % 40), 'title', 'Rule', 'severity', 'H',
                                     'indicatorIds', jsonb_build_array('LNK-0' || ((n + k) % 9 + 1)))) FROM generate_series(1, 3) k)`;
  await run(
    "screenings",
    `INSERT INTO screenings (id, candidate_id, ruleset_version_id, engine_version, stage, score, band, hits, facts, created_at)
     SELECT reviewed_id, candidate_id, (SELECT id FROM ruleset_versions ORDER BY version DESC LIMIT 1), 'bench', 'APPLICATION'::"Stage", 55, 'HIGH', ${hits("0")}, '{}'::jsonb, now() - interval '2 days' FROM bench_cases
     UNION ALL
     SELECT latest_id, candidate_id, (SELECT id FROM ruleset_versions ORDER BY version DESC LIMIT 1), 'bench', 'APPLICATION'::"Stage", 50 + (n % 50)::int,
            CASE WHEN n % 50 >= 25 THEN 'CRITICAL' ELSE 'HIGH' END, ${hits("CASE WHEN n % 3 = 0 THEN 1 ELSE 0 END")}, '{}'::jsonb, now() FROM bench_cases`,
  );
  await run(
    "candidate indicators",
    `UPDATE candidates c SET latest_indicators = ARRAY['LNK-0' || (b.n % 9 + 1), 'PAY-0' || (b.n % 5 + 1)], latest_band = 'HIGH', latest_score = 50 + (b.n % 50)::int
       FROM bench_cases b WHERE c.id = b.candidate_id`,
  );
  await run(
    "cases",
    `INSERT INTO review_cases (id, candidate_id, status, opened_by, referral_target, band_at_open, score_at_open, latest_band, latest_score,
                               latest_screening_id, last_reviewed_screening_id, assignee_id, due_at, opened_at, closed_at, decided_band, updated_at)
     SELECT gen_random_uuid(), b.candidate_id,
            (CASE WHEN b.n > 100000 THEN (ARRAY['CLEARED', 'NOT_CLEARED', 'REFERRED'])[b.n % 3 + 1] ELSE (ARRAY['OPEN', 'OPEN', 'IN_REVIEW', 'PENDING_APPROVAL'])[b.n % 4 + 1] END)::"CaseStatus",
            (CASE WHEN b.n % 10 = 0 THEN 'REFERRAL' ELSE 'BAND_THRESHOLD' END)::"CaseOpenCause",
            (CASE WHEN b.n > 100000 AND b.n % 3 = 2 THEN 'COMPLIANCE' END)::"ReferralTarget",
            'HIGH', 55, CASE WHEN b.n % 50 >= 25 THEN 'CRITICAL' ELSE 'HIGH' END, 50 + (b.n % 50)::int,
            b.latest_id, CASE WHEN b.n % 10 < 7 THEN b.reviewed_id END,
            CASE WHEN b.n % 5 < 3 THEN (SELECT id FROM users WHERE email = 'bench-analyst-' || (b.n % 10 + 1) || '@example.com') END,
            now() + ((b.n % 480) - 120) * interval '1 hour', now() - (b.n % 720) * interval '1 hour',
            CASE WHEN b.n > 100000 THEN now() END, CASE WHEN b.n > 100000 THEN 'HIGH' END, now()
       FROM bench_cases b`,
  );
  await run("analyze", "ANALYZE review_cases; ANALYZE screenings; ANALYZE candidates; ANALYZE users");
}
await client.end();

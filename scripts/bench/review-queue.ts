// The review-queue part of `npm run bench:review`: listReviewQueue (the /review page's query) and the navigation
// count, on a database seeded by scripts/bench/seed-review-cases.ts (100,000 open and 50,000 closed cases over 1M
// candidates). Each variant runs 10 warm-up + 100 measured times; prints p50/p95.
import type { Actor } from "../../lib/server/auth/authorization";
import type { CaseQueueQuery } from "../../lib/schemas/case";

function pct(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}

export async function benchReviewQueue(): Promise<number | null> {
  const { getDb } = await import("../../lib/server/db");
  const { listReviewQueue } = await import("../../lib/server/cases/list-review-queue");
  const { countReviewQueue } = await import("../../lib/server/cases/count-review-queue");
  const db = getDb();
  const [{ open, closed } = { open: 0, closed: 0 }] = await db
    .$queryRawUnsafe<{ open: number; closed: number }[]>(
      `SELECT count(*) FILTER (WHERE status IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL'))::int AS open, count(*) FILTER (WHERE status NOT IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL'))::int AS closed FROM review_cases`,
    )
    .catch(() => [{ open: 0, closed: 0 }]);
  if (!open) {
    console.log("\nreview queue: no review cases in this database (seed them with npx tsx scripts/bench/seed-review-cases.ts --db <url> after prisma migrate deploy)");
    return null;
  }
  const analyst = await db.user.findFirstOrThrow({ where: { email: "bench-analyst-1@example.com" }, select: { id: true, email: true, name: true, role: true } });
  const actor = analyst as Actor;
  // A cursor 20 pages deep, for each sort: keyset pages cost the same at any depth.
  const deep: Record<string, string | undefined> = {};
  for (const sort of ["due", "score"] as const) {
    let cursor: string | undefined;
    for (let i = 0; i < 20; i++) cursor = (await listReviewQueue({ actor, query: { status: "open", sort, cursor } })).nextCursor ?? undefined;
    deep[sort] = cursor;
  }
  const variants: [string, Partial<CaseQueueQuery> & Pick<CaseQueueQuery, "status" | "sort">][] = [
    ["open, by due date (the default page)", { status: "open", sort: "due" }],
    ["open, by due date, page 21", { status: "open", sort: "due", cursor: deep.due }],
    ["open, by score", { status: "open", sort: "score" }],
    ["open, by score, page 21", { status: "open", sort: "score", cursor: deep.score }],
    ["open, by age", { status: "open", sort: "age" }],
    ["mine", { status: "open", sort: "due", assignee: "me" }],
    ["unassigned", { status: "open", sort: "due", assignee: "unassigned" }],
    ["band CRITICAL", { status: "open", sort: "due", band: "CRITICAL" }],
    ["overdue", { status: "open", sort: "due", overdue: "1" }],
    ["indicator PAY-03", { status: "open", sort: "due", indicator: "PAY-03" }],
    ["awaiting approval", { status: "PENDING_APPROVAL", sort: "due" }],
  ];
  console.log(`\n| review queue (${open.toLocaleString("en")} open, ${closed.toLocaleString("en")} closed cases; 50 per page) | p50 ms | p95 ms |\n|---|---:|---:|`);
  let worst = 0;
  for (const [label, query] of variants) {
    const times: number[] = [];
    for (let i = 0; i < 110; i++) {
      const t = performance.now();
      await listReviewQueue({ actor, query });
      if (i >= 10) times.push(performance.now() - t);
    }
    worst = Math.max(worst, pct(times, 95));
    console.log(`| ${label} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} |`);
  }
  const times: number[] = [];
  for (let i = 0; i < 110; i++) {
    const t = performance.now();
    await countReviewQueue({ actor });
    if (i >= 10) times.push(performance.now() - t);
  }
  worst = Math.max(worst, pct(times, 95));
  console.log(`| navigation count (mine · unassigned) | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} |`);
  console.log(`\nqueue p95 ${worst.toFixed(1)} ms (goal ≤ 150 ms): ${worst <= 150 ? "met" : "missed"}`);
  return worst;
}

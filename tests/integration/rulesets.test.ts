import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BANDS, defaultRulesetConfig, engine1RulesetConfig, evaluate, factsSchema, parseRulesetConfig, type Band, type RulesetConfig } from "@/lib/engine";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/server/auth/authorization";
import { getDb } from "@/lib/server/db";
import { enqueueRescreen } from "@/lib/server/jobs/enqueue-rescreen";
import { stopJobQueue } from "@/lib/server/jobs/get-job-queue";
import { getRescreenStatus } from "@/lib/server/jobs/get-rescreen-status";
import { processRescreenJob } from "@/lib/server/jobs/process-rescreen-job";
import { resetJobWorker } from "@/lib/server/jobs/start-job-worker";
import { createRulesetDraft } from "@/lib/server/rulesets/create-ruleset-draft";
import { getPublishedRuleset } from "@/lib/server/rulesets/get-published-ruleset";
import { getRulesetVersion } from "@/lib/server/rulesets/get-ruleset-version";
import { listRulesetVersions } from "@/lib/server/rulesets/list-ruleset-versions";
import { previewRuleset, type RulesetPreview } from "@/lib/server/rulesets/preview-ruleset";
import { publishRuleset } from "@/lib/server/rulesets/publish-ruleset";
import { rulesetDraftFormSchema } from "@/lib/server/rulesets/ruleset-schemas";
import { submitCandidate } from "@/lib/server/screening/submit-candidate";
import { createTestUser } from "../support/factories";

const CAMERA = "camera-refusal";
const meta = { ip: "203.0.113.21", userAgent: "vitest" };

let admin: Actor;
let recruiter: Actor;
let security: Actor;
/** The ruleset in force when this file started; restored (as a new version with the same config) afterwards. */
let original: { id: string; version: number; config: RulesetConfig };

beforeAll(async () => {
  admin = await createTestUser("ADMIN");
  recruiter = await createTestUser("RECRUITER");
  security = await createTestUser("SECURITY");
  const published = await getPublishedRuleset();
  original = { id: published.id, version: published.version, config: published.ruleset.config };
});

afterAll(async () => {
  // Other test files in this run share the database: leave the same weights and thresholds in force.
  const current = await getPublishedRuleset();
  if (JSON.stringify(current.ruleset.config) !== JSON.stringify(original.config)) {
    const restore = await createRulesetDraft({ actor: admin, input: { notes: "Restore the settings in force before rulesets.test.ts", ...editsFor(original.config) } });
    await publishRuleset({ actor: admin, rulesetVersionId: restore.id });
    expect((await getPublishedRuleset()).ruleset.config).toEqual(original.config);
  }
  await stopJobQueue();
  resetJobWorker();
});

/** Every editable setting of a config, as draft edits. */
function editsFor(config: RulesetConfig) {
  return {
    severityPoints: { ...config.severityPoints },
    lowSeverityCap: config.lowSeverityCap,
    bandThresholds: { ...config.bandThresholds },
    corroboration: config.corroboration ? { enabled: true, ...config.corroboration } : { enabled: false },
    rules: Object.fromEntries(Object.entries(config.rules).map(([id, r]) => [id, { enabled: r.enabled, weight: r.weight }])),
  };
}

async function appError(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

const versionCount = () => getDb().rulesetVersion.count();

async function submit(name: string, stage: "INTERVIEW" | "WITHDRAWN", cameraDeclined: boolean) {
  return submitCandidate({
    actor: recruiter,
    submission: {
      stage,
      profile: {
        candidate: { legalName: `${name} ${randomUUID().slice(0, 6)}`, email: `${name.toLowerCase().replace(/\W+/g, ".")}.${randomUUID().slice(0, 6)}@example.org` },
        ...(cameraDeclined ? { interviews: [{ round: 1, mode: "video" as const, cameraDeclined: true }] } : {}),
      },
    },
  });
}

/**
 * The preview computed the obvious way, independently of previewRuleset: every candidate not withdrawn, its latest
 * screening's facts validated with the engine's schema and evaluated with `config` at that screening's time.
 */
async function explicitPreview(config: RulesetConfig) {
  const candidates = await getDb().candidate.findMany({
    where: { stage: { not: "WITHDRAWN" } },
    select: {
      id: true,
      latestBand: true,
      latestScore: true,
      screenings: { orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 1, select: { facts: true, details: true } },
    },
  });
  const zero = () => Object.fromEntries(BANDS.map((b) => [b, 0])) as Record<Band, number>;
  const out = { compared: 0, notScreened: 0, before: zero(), after: zero(), movedUp: 0, movedDown: 0, bands: new Map<string, { from: Band; to: Band; toScore: number }>() };
  for (const c of candidates) {
    const s = c.screenings[0];
    if (!s || c.latestBand === null) {
      out.notScreened++;
      continue;
    }
    const facts = factsSchema.parse(s.facts);
    const asOf = new Date((s.details as { asOf: string }).asOf);
    const a = evaluate(facts, { version: "explicit", config }, { asOf });
    const from = c.latestBand as Band;
    out.compared++;
    out.before[from]++;
    out.after[a.band]++;
    if (BANDS.indexOf(a.band) > BANDS.indexOf(from)) out.movedUp++;
    if (BANDS.indexOf(a.band) < BANDS.indexOf(from)) out.movedDown++;
    out.bands.set(c.id, { from, to: a.band, toScore: a.score });
  }
  return out;
}

describe("authorization", () => {
  it("refuses recruiters and security analysts every ruleset use case, and stores nothing", async () => {
    const before = await versionCount();
    for (const actor of [recruiter, security]) {
      expect((await appError(listRulesetVersions({ actor }))).code).toBe("FORBIDDEN");
      expect((await appError(getRulesetVersion({ actor }))).code).toBe("FORBIDDEN");
      expect((await appError(createRulesetDraft({ actor, input: { notes: "Not allowed", bandThresholds: { CRITICAL: 80 } } }))).code).toBe("FORBIDDEN");
      expect((await appError(previewRuleset({ actor, rulesetVersionId: original.id }))).code).toBe("FORBIDDEN");
      expect((await appError(publishRuleset({ actor, rulesetVersionId: original.id }))).code).toBe("FORBIDDEN");
    }
    expect(await versionCount()).toBe(before);
  });
});

describe("createRulesetDraft", () => {
  it("refuses invalid settings with the path of each problem and stores nothing", async () => {
    const db = getDb();
    const before = await versionCount();
    const auditBefore = await db.auditEvent.count();

    const order = await appError(createRulesetDraft({ actor: admin, input: { notes: "Bad order", bandThresholds: { HIGH: 20 } } }));
    expect(order.code).toBe("VALIDATION");
    expect(order.fieldErrors).toEqual({ "bandThresholds.HIGH": [`Must be greater than ELEVATED (${original.config.bandThresholds.ELEVATED})`] });

    const ranges = await appError(
      createRulesetDraft({ actor: admin, input: { notes: "Out of range", lowSeverityCap: 101, bandThresholds: { LOW: 0.5 }, rules: { [CAMERA]: { weight: 11 } } } }),
    );
    expect(ranges.code).toBe("VALIDATION");
    expect(ranges.fieldErrors).toMatchObject({
      lowSeverityCap: ["Must be at most 100"],
      "bandThresholds.LOW": expect.arrayContaining(["Must be a whole number"]),
      [`rules.${CAMERA}.weight`]: ["Must be at most 10"],
    });

    const unknown = await appError(createRulesetDraft({ actor: admin, input: { notes: "Unknown rule", rules: { "no-such-rule": { weight: 1 } } } }));
    expect(unknown.fieldErrors).toEqual({ "rules.no-such-rule": ['Unknown rule "no-such-rule"'] });

    const missing = await appError(createRulesetDraft({ actor: admin, input: { notes: "  ", severityPoints: { H: "lots" } } }));
    expect(missing.fieldErrors).toMatchObject({ notes: ["Notes is required"], "severityPoints.H": ["Enter a number, like 1.5"] });

    const base = await appError(createRulesetDraft({ actor: admin, input: { notes: "Unknown base", baseVersionId: randomUUID() } }));
    expect(base.code).toBe("NOT_FOUND");

    expect(await versionCount()).toBe(before);
    expect(await db.auditEvent.count()).toBe(auditBefore);
  });

  it("reads the form's flat fields: config paths, unticked boxes switch a rule off, blanks are errors", () => {
    const parsed = rulesetDraftFormSchema.parse({
      baseVersionId: original.id,
      notes: "From the form",
      "bandThresholds.CRITICAL": "80",
      "severityPoints.M": " 25 ",
      lowSeverityCap: "15",
      [`rules.${CAMERA}.weight`]: "2.5",
      [`rules.${CAMERA}.enabled`]: "on",
      "rules.name-mismatch.weight": "1",
    });
    expect(parsed).toMatchObject({
      baseVersionId: original.id,
      notes: "From the form",
      bandThresholds: { CRITICAL: 80 },
      severityPoints: { M: 25 },
      lowSeverityCap: 15,
      rules: { [CAMERA]: { weight: 2.5, enabled: true }, "name-mismatch": { weight: 1, enabled: false } },
    });
    const blank = rulesetDraftFormSchema.safeParse({ notes: "x", "bandThresholds.HIGH": "", lowSeverityCap: "" });
    expect(blank.success).toBe(false);
    expect(blank.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["lowSeverityCap", "Enter a number"],
      ["bandThresholds.HIGH", "Enter a number"],
    ]);
  });

  it("stores a new DRAFT version (max + 1) from the published one with only the edits applied, and audits it", async () => {
    const db = getDb();
    const { _max } = await db.rulesetVersion.aggregate({ _max: { version: true } });
    const draft = await createRulesetDraft({ actor: admin, input: { notes: "Raise the critical band", bandThresholds: { CRITICAL: 80 }, rules: { [CAMERA]: { enabled: false } } }, meta });
    expect(draft).toMatchObject({ version: (_max.version ?? 0) + 1, baseVersion: original.version, changeCount: 2 });

    const row = await db.rulesetVersion.findUniqueOrThrow({ where: { id: draft.id } });
    expect(row).toMatchObject({ status: "DRAFT", notes: "Raise the critical band", authorId: admin.id, publishedAt: null });
    const config = parseRulesetConfig(row.config);
    expect(config).toEqual({
      ...original.config,
      bandThresholds: { ...original.config.bandThresholds, CRITICAL: 80 },
      rules: { ...original.config.rules, [CAMERA]: { ...original.config.rules[CAMERA], enabled: false } },
    });

    const audit = await db.auditEvent.findMany({ where: { subjectType: "RulesetVersion", subjectId: draft.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "ruleset.draft_created", actorId: admin.id, ip: meta.ip });
    expect(audit[0].after).toMatchObject({ version: draft.version, baseVersionId: original.id, changes: ["Critical band starts at 75 → 80", "Unwilling or unable to appear on camera: switched off"] });

    // A draft is never edited: a draft from the draft is another version, and the first stays as it was.
    const second = await createRulesetDraft({ actor: admin, input: { baseVersionId: draft.id, notes: "And back on", rules: { [CAMERA]: { enabled: true } } } });
    expect(second.version).toBe(draft.version + 1);
    expect(parseRulesetConfig((await db.rulesetVersion.findUniqueOrThrow({ where: { id: second.id } })).config).rules[CAMERA].enabled).toBe(true);
    expect(parseRulesetConfig((await db.rulesetVersion.findUniqueOrThrow({ where: { id: draft.id } })).config).rules[CAMERA].enabled).toBe(false);

    const history = await listRulesetVersions({ actor: admin });
    const listed = history.find((v) => v.id === second.id)!;
    expect(listed).toMatchObject({ status: "DRAFT", author: { id: admin.id }, previousVersion: draft.version, changeSummary: "Unwilling or unable to appear on camera: switched on", valid: true });
    expect(history.map((v) => v.version)).toEqual([...history.map((v) => v.version)].sort((a, b) => b - a));
  });

  it("gives concurrent drafts distinct version numbers", async () => {
    const drafts = await Promise.all([1, 2, 3].map((i) => createRulesetDraft({ actor: admin, input: { notes: `Concurrent ${i}`, lowSeverityCap: 10 + i } })));
    const versions = drafts.map((d) => d.version).sort((a, b) => a - b);
    expect(new Set(versions).size).toBe(3);
    expect(versions[2] - versions[0]).toBe(2);
  });
});

describe("preview, publish and re-screen", () => {
  let flagged: Awaited<ReturnType<typeof submit>>;
  let clean: Awaited<ReturnType<typeof submit>>;
  let withdrawn: Awaited<ReturnType<typeof submit>>;
  let draftId: string;
  let draftConfig: RulesetConfig;
  let preview: RulesetPreview;

  beforeAll(async () => {
    flagged = await submit("Camera Shy", "INTERVIEW", true);
    clean = await submit("Open Book", "INTERVIEW", false);
    withdrawn = await submit("Gone Away", "WITHDRAWN", true);
  });

  it("a draft identical to the published ruleset moves nobody", async () => {
    const same = await createRulesetDraft({ actor: admin, input: { notes: "No change" } });
    const result = await previewRuleset({ actor: admin, rulesetVersionId: same.id });
    expect(result.compared).toBeGreaterThanOrEqual(2);
    expect(result).toMatchObject({ movedUp: 0, movedDown: 0, scoreChangedOnly: 0, unreadable: 0, sample: [] });
    expect(result.after).toEqual(result.before);
  });

  it("counts before/after, transitions and the sample exactly as an explicit re-evaluation does", async () => {
    expect(flagged.assessment.hits.map((h) => h.ruleId)).toContain(CAMERA);
    expect(clean.assessment.hits.map((h) => h.ruleId)).not.toContain(CAMERA);
    // Alone, camera refusal is one common signal: the weight only shows once the ceiling for such a signal is raised too.
    const draft = await createRulesetDraft({
      actor: admin,
      input: { notes: "Camera refusal matters more", rules: { [CAMERA]: { weight: 3 } }, corroboration: { enabled: true, uncorroboratedMaxScore: 60 } },
    });
    draftId = draft.id;
    draftConfig = parseRulesetConfig((await getDb().rulesetVersion.findUniqueOrThrow({ where: { id: draft.id } })).config);

    preview = await previewRuleset({ actor: admin, rulesetVersionId: draft.id });
    const expected = await explicitPreview(draftConfig);
    expect(preview).toMatchObject({
      rulesetVersionId: draft.id,
      version: draft.version,
      publishedVersion: original.version,
      compared: expected.compared,
      notScreened: expected.notScreened,
      unreadable: 0,
      before: expected.before,
      after: expected.after,
      movedUp: expected.movedUp,
      movedDown: expected.movedDown,
    });
    for (const from of BANDS) expect(BANDS.reduce((sum, to) => sum + preview.transitions[from][to], 0)).toBe(expected.before[from]);
    for (const to of BANDS) expect(BANDS.reduce((sum, from) => sum + preview.transitions[from][to], 0)).toBe(expected.after[to]);

    // The flagged candidate moves up, exactly as the explicit evaluation says; the clean one and the withdrawn one don't appear.
    const mine = expected.bands.get(flagged.candidateId)!;
    expect(mine.from).toBe(flagged.assessment.band);
    expect(BANDS.indexOf(mine.to)).toBeGreaterThan(BANDS.indexOf(mine.from));
    expect(preview.sample).toContainEqual({
      candidateId: flagged.candidateId,
      fullName: expect.stringMatching(/^Camera Shy /),
      fromBand: mine.from,
      toBand: mine.to,
      fromScore: flagged.assessment.score,
      toScore: mine.toScore,
    });
    expect(expected.bands.get(clean.candidateId)).toMatchObject({ from: clean.assessment.band, to: clean.assessment.band, toScore: clean.assessment.score });
    expect(preview.sample.map((s) => s.candidateId)).not.toContain(clean.candidateId);
    expect(expected.bands.has(withdrawn.candidateId)).toBe(false);
    expect(preview.sample.map((s) => s.candidateId)).not.toContain(withdrawn.candidateId);
    for (const s of preview.sample) expect(expected.bands.get(s.candidateId)).toMatchObject({ from: s.fromBand, to: s.toBand, toScore: s.toScore });
    expect(preview.sample.length).toBe(Math.min(50, expected.movedUp + expected.movedDown));
  });

  it("gives the same answer whatever the page size (keyset paging)", async () => {
    const paged = await previewRuleset({ actor: admin, rulesetVersionId: draftId, pageSize: 2, sampleSize: 1_000 });
    const whole = await previewRuleset({ actor: admin, rulesetVersionId: draftId, sampleSize: 1_000 });
    expect({ ...paged, durationMs: 0 }).toEqual({ ...whole, durationMs: 0 });
    expect({ ...whole, sample: whole.sample.slice(0, 50), durationMs: 0 }).toEqual({ ...preview, durationMs: 0 });
  });

  it("refuses an unknown version", async () => {
    expect((await appError(previewRuleset({ actor: admin, rulesetVersionId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await appError(previewRuleset({ actor: admin, rulesetVersionId: "not-a-uuid" }))).code).toBe("NOT_FOUND");
    expect((await appError(publishRuleset({ actor: admin, rulesetVersionId: randomUUID() }))).code).toBe("NOT_FOUND");
    expect((await appError(getRulesetVersion({ actor: admin, rulesetVersionId: "nope" }))).code).toBe("NOT_FOUND");
  });

  it("publishes: the old version is retired, getPublishedRuleset returns the new one, audited", async () => {
    const db = getDb();
    const before = (await getPublishedRuleset()).id;
    const result = await publishRuleset({ actor: admin, rulesetVersionId: draftId, meta });
    expect(result).toMatchObject({ id: draftId, retired: [{ id: before, version: expect.any(Number) }] });

    expect(await db.rulesetVersion.findUniqueOrThrow({ where: { id: before }, select: { status: true } })).toEqual({ status: "RETIRED" });
    expect(await db.rulesetVersion.findUniqueOrThrow({ where: { id: draftId }, select: { status: true, publishedAt: true } })).toEqual({ status: "PUBLISHED", publishedAt: result.publishedAt });
    expect(await db.rulesetVersion.count({ where: { status: "PUBLISHED" } })).toBe(1);
    const published = await getPublishedRuleset();
    expect(published.id).toBe(draftId);
    expect(published.ruleset.config).toEqual(draftConfig);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "ruleset.published", subjectId: draftId } });
    expect(audit).toMatchObject({ actorId: admin.id, ip: meta.ip });
    expect(audit.after).toMatchObject({ status: "PUBLISHED", version: result.version, retired: [{ id: before }] });

    const detail = await getRulesetVersion({ actor: admin, rulesetVersionId: before });
    expect(detail).toMatchObject({ status: "RETIRED", published: { id: draftId } });
    expect(detail.changesVsPublished?.map((c) => c.text)).toEqual(["Most an uncorroborated common signal scores 60 → 24", "Unwilling or unable to appear on camera: weight 3 → 1"]);
  });

  it("refuses to publish the same draft twice, or a retired version, and changes nothing", async () => {
    const db = getDb();
    const auditBefore = await db.auditEvent.count({ where: { action: "ruleset.published" } });
    const again = await appError(publishRuleset({ actor: admin, rulesetVersionId: draftId }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/is already published/);
    const retired = await appError(publishRuleset({ actor: admin, rulesetVersionId: original.id }));
    expect(retired.code).toBe("CONFLICT");
    expect(retired.message).toMatch(/was retired/);
    expect((await getPublishedRuleset()).id).toBe(draftId);
    expect(await db.rulesetVersion.count({ where: { status: "PUBLISHED" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "ruleset.published" } })).toBe(auditBefore);
  });

  it("refuses to publish a draft whose stored config no longer validates (fails closed at publish time)", async () => {
    const db = getDb();
    const { _max } = await db.rulesetVersion.aggregate({ _max: { version: true } });
    const { [CAMERA]: _dropped, ...rules } = draftConfig.rules;
    const broken = await db.rulesetVersion.create({ data: { version: (_max.version ?? 0) + 1, status: "DRAFT", config: JSON.parse(JSON.stringify({ ...draftConfig, rules })), notes: "Missing a rule" } });
    const error = await appError(publishRuleset({ actor: admin, rulesetVersionId: broken.id }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors?.[`rules.${CAMERA}`]?.join(" ")).toMatch(/missing settings/i);
    expect((await db.rulesetVersion.findUniqueOrThrow({ where: { id: broken.id } })).status).toBe("DRAFT");
    expect((await getPublishedRuleset()).id).toBe(draftId);
    expect((await listRulesetVersions({ actor: admin })).find((v) => v.id === broken.id)).toMatchObject({ valid: false, changeSummary: null });
  });

  it("re-screens every active candidate once with the new version; running the job again adds nothing", async () => {
    const db = getDb();
    const first = await enqueueRescreen({ reason: "RULESET", subjectId: draftId, actorId: admin.id });
    expect(first.created).toBe(true);
    expect(await enqueueRescreen({ reason: "RULESET", subjectId: draftId, actorId: admin.id })).toEqual({ rescreenJobId: first.rescreenJobId, created: false });

    const active = await db.candidate.count({ where: { stage: { not: "WITHDRAWN" } } });
    const result = await processRescreenJob({ rescreenJobId: first.rescreenJobId });
    expect(result).toMatchObject({ status: "COMPLETED", processed: active, failed: 0, rescreened: active });

    const perCandidate = await db.screening.groupBy({ by: ["candidateId"], where: { rulesetVersionId: draftId, trigger: "rescreen" }, _count: { _all: true } });
    expect(perCandidate).toHaveLength(active);
    expect(perCandidate.every((g) => g._count._all === 1)).toBe(true);
    expect(perCandidate.map((g) => g.candidateId)).not.toContain(withdrawn.candidateId);

    // The flagged candidate now carries the band the preview predicted.
    const row = await db.candidate.findUniqueOrThrow({ where: { id: flagged.candidateId }, select: { latestBand: true } });
    expect(row.latestBand).toBe(preview.sample.find((s) => s.candidateId === flagged.candidateId)!.toBand);

    const status = await getRescreenStatus({ actor: admin, reason: "RULESET" });
    expect(status).toMatchObject({ subjectId: draftId, status: "COMPLETED", processed: active, total: active });

    // As after a crash: the job runs again and replays instead of screening twice.
    await db.rescreenJob.update({ where: { id: first.rescreenJobId }, data: { status: "RUNNING" } });
    const rerun = await processRescreenJob({ rescreenJobId: first.rescreenJobId });
    expect(rerun).toMatchObject({ status: "COMPLETED", processed: active, rescreened: 0 });
    expect(await db.screening.count({ where: { rulesetVersionId: draftId, trigger: "rescreen" } })).toBe(active);

    // After the re-screen every candidate was screened with the published version: previewing it moves nobody.
    const self = await previewRuleset({ actor: admin, rulesetVersionId: draftId });
    expect(self).toMatchObject({ movedUp: 0, movedDown: 0, scoreChangedOnly: 0, notScreened: 0 });
  });
});

describe("the corroboration model in drafts, and comparing two versions", () => {
  it("a draft can start from the shipped default, switch the model off or tune it; each change is listed", async () => {
    const shipped = await createRulesetDraft({ actor: admin, input: { notes: "Shipped default", fromShippedDefault: true } });
    const shippedConfig = parseRulesetConfig((await getDb().rulesetVersion.findUniqueOrThrow({ where: { id: shipped.id } })).config);
    expect(shipped.baseVersion).toBeNull();
    expect(shippedConfig).toEqual(defaultRulesetConfig);

    const off = await createRulesetDraft({ actor: admin, input: { notes: "Engine-1 scoring", baseVersionId: shipped.id, corroboration: { enabled: false } } });
    const offConfig = parseRulesetConfig((await getDb().rulesetVersion.findUniqueOrThrow({ where: { id: off.id } })).config);
    expect(offConfig.corroboration).toBeUndefined();

    // The form posts the model's box and fields: unticked box = off; ticked with edited numbers = on with them.
    const form = rulesetDraftFormSchema.parse({
      notes: "Tuned",
      baseVersionId: off.id,
      "corroboration.enabled": "on",
      "corroboration.crossCategoryBonus": "1",
      "corroboration.sameCategoryBonus": "0.5",
      "corroboration.uncorroboratedMaxScore": "20",
    });
    const tuned = await createRulesetDraft({ actor: admin, input: form });
    const detail = await getRulesetVersion({ actor: admin, rulesetVersionId: tuned.id });
    expect(detail.config?.corroboration).toEqual({ crossCategoryBonus: 1, sameCategoryBonus: 0.5, uncorroboratedMaxScore: 20 });
    const versions = await listRulesetVersions({ actor: admin });
    expect(versions.find((v) => v.id === tuned.id)).toBeDefined();

    // A same-category bonus above the cross-category one is refused, beside its field.
    const bad = await createRulesetDraft({ actor: admin, input: { notes: "Bad", corroboration: { enabled: true, crossCategoryBonus: 0.2, sameCategoryBonus: 0.5 } } }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppError);
    expect((bad as AppError).fieldErrors).toHaveProperty(["corroboration.sameCategoryBonus"]);
  });

  it("compares a version with another on the same facts: the shipped default against the engine-1 default", async () => {
    const v1 = await createRulesetDraft({ actor: admin, input: { notes: "Engine-1", fromShippedDefault: true, corroboration: { enabled: false }, severityPoints: { H: engine1RulesetConfig.severityPoints.H } } });
    const v2 = await createRulesetDraft({ actor: admin, input: { notes: "Engine-2", fromShippedDefault: true } });
    // Camera refusal (M) and insisting on text only (L), nothing else: under engine 1 they add up to ELEVATED (26);
    // under the shipped default that is one common signal, which alone stays LOW.
    const tag = randomUUID().slice(0, 8);
    const shy = await submitCandidate({
      actor: admin,
      trigger: "form",
      submission: {
        stage: "INTERVIEW",
        profile: {
          candidate: { legalName: `Text Only ${tag}`, email: `text.${tag}@example.org` },
          interviews: [{ round: 1, mode: "video" as const, cameraDeclined: true }],
          communication: { insistsOnTextOnly: true },
        },
      },
    });
    expect(shy.assessment.hits.map((h) => h.ruleId).sort()).toEqual([CAMERA, "text-only-insistence"]);
    const shyFacts = factsSchema.parse((await getDb().screening.findUniqueOrThrow({ where: { id: shy.screeningId } })).facts);
    expect(evaluate(shyFacts, { version: 1, config: engine1RulesetConfig }, { asOf: new Date() }).band).toBe("ELEVATED");
    expect(evaluate(shyFacts, { version: 2, config: defaultRulesetConfig }, { asOf: new Date() }).band).toBe("LOW");

    const compared = await previewRuleset({ actor: admin, rulesetVersionId: v2.id, againstVersionId: v1.id });
    expect(compared.againstVersion).toBe(v1.version);
    expect(compared.compared).toBeGreaterThan(0);
    // Every count is what evaluating both versions on the stored facts gives.
    const [c1, c2] = await Promise.all([v1.id, v2.id].map(async (id) => parseRulesetConfig((await getDb().rulesetVersion.findUniqueOrThrow({ where: { id } })).config)));
    const rows = await getDb().$queryRaw<{ id: string; facts: unknown; as_of: string }[]>`
      SELECT c.id::text AS id, s.facts, s.details->>'asOf' AS as_of FROM candidates c
        JOIN LATERAL (SELECT facts, details FROM screenings WHERE candidate_id = c.id ORDER BY created_at DESC, id DESC LIMIT 1) s ON true
       WHERE c.stage <> 'WITHDRAWN'`;
    let up = 0;
    let down = 0;
    for (const r of rows) {
      const facts = factsSchema.parse(r.facts);
      const asOf = new Date(r.as_of);
      const a = BANDS.indexOf(evaluate(facts, { version: 1, config: c1 }, { asOf }).band);
      const b = BANDS.indexOf(evaluate(facts, { version: 2, config: c2 }, { asOf }).band);
      if (b > a) up++;
      if (b < a) down++;
    }
    expect(compared).toMatchObject({ movedUp: up, movedDown: down });
    expect(compared.movedDown).toBeGreaterThan(0);
    expect(compared.sample).toContainEqual(expect.objectContaining({ candidateId: shy.candidateId, fromBand: "ELEVATED", toBand: "LOW" }));
  });
});

import "server-only";
import { defaultRulesetConfig, DEFAULT_RULESET_VERSION, parseRulesetConfig, type Ruleset } from "@/lib/engine";
import { getDb, type Tx } from "../db";
import { isUniqueViolation } from "../db/errors";

export type PublishedRuleset = { id: string; version: number; ruleset: Ruleset };

/**
 * Which version is published: the newest PUBLISHED one. The one definition; the screening write path reads it inside
 * its own first query.
 */
export const PUBLISHED_RULESET_ID_SQL = `SELECT r.id::text AS id FROM ruleset_versions r WHERE r.status = 'PUBLISHED' ORDER BY r.published_at DESC, r.version DESC LIMIT 1`;

// Parsed and compiled rulesets are immutable, so one parse per version id is enough for the life of the process.
const cache = new Map<string, PublishedRuleset>();

/**
 * The ruleset new screenings use: the most recently published version. A database that has none yet (a fresh
 * real server, never seeded) gets the engine's default ruleset stored as version 1, published — so every screening
 * can always name the stored ruleset version it used.
 */
export async function getPublishedRuleset(db: Tx | ReturnType<typeof getDb> = getDb()): Promise<PublishedRuleset> {
  const [published] = await db.$queryRawUnsafe<{ id: string }[]>(PUBLISHED_RULESET_ID_SQL);
  if (!published) return compiled(await storeDefaultRuleset(db));
  return getRulesetVersionById(published.id, db);
}

/**
 * The ruleset stored as this version id, parsed once per process (versions are immutable). The screening write path
 * reads the published id in its own first query and calls this; a version not seen before costs one query.
 */
export async function getRulesetVersionById(id: string | null, db: Tx | ReturnType<typeof getDb> = getDb()): Promise<PublishedRuleset> {
  if (!id) return getPublishedRuleset(db);
  const hit = cache.get(id);
  if (hit) return hit;
  const row = await db.rulesetVersion.findUniqueOrThrow({ where: { id }, select: { id: true, version: true, config: true } });
  return compiled(row);
}


function compiled(row: { id: string; version: number; config: unknown }): PublishedRuleset {
  const hit = cache.get(row.id);
  if (hit) return hit;
  // Fails closed: a stored config that no longer validates throws instead of scoring with a broken ruleset.
  const published = { id: row.id, version: row.version, ruleset: { version: row.version, config: parseRulesetConfig(row.config) } };
  cache.set(row.id, published);
  return published;
}

async function storeDefaultRuleset(db: Tx | ReturnType<typeof getDb>) {
  try {
    return await db.rulesetVersion.create({
      data: {
        version: DEFAULT_RULESET_VERSION,
        status: "PUBLISHED",
        config: JSON.parse(JSON.stringify(defaultRulesetConfig)),
        notes: "Default ruleset shipped with the engine.",
        publishedAt: new Date(),
      },
      select: { id: true, version: true, config: true },
    });
  } catch (error) {
    // Another process stored it first.
    if (!isUniqueViolation(error)) throw error;
    return db.rulesetVersion.findUniqueOrThrow({ where: { version: DEFAULT_RULESET_VERSION }, select: { id: true, version: true, config: true } });
  }
}

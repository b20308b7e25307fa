import "server-only";
import { buildSanctionsIndex, type SanctionsIndex } from "@/lib/enrichment/sanctions";
import { getDb } from "../db";
import { loadSanctionsList, sanctionsListVersion } from "./load-sanctions-list";

export type ActiveSanctionsIndex = {
  listId: string;
  /** "OFAC-SDN 2021-06-01" */
  listVersion: string;
  publishedAt: string | null;
  index: SanctionsIndex;
};

export type GetActiveSanctionsIndexOptions = {
  /** How long the active list id is trusted before it is checked again (one indexed query). Default 5 s. */
  maxAgeMs?: number;
};

const DEFAULT_MAX_AGE_MS = 5_000;

type Cache = {
  value: ActiveSanctionsIndex | null;
  checkedAt: number;
  /** One load at a time per list id: concurrent screenings share it. */
  loading?: { listId: string; promise: Promise<ActiveSanctionsIndex> };
};

// Kept on globalThis so Next's dev reloads don't rebuild the index (~1 s for the full list) on every edit.
const globalForSanctions = globalThis as unknown as { __sanctionsIndex?: Cache };

function cache(): Cache {
  globalForSanctions.__sanctionsIndex ??= { value: null, checkedAt: 0 };
  return globalForSanctions.__sanctionsIndex;
}

/** Forget the cached index: the next call re-reads the active list id. The importer calls it after a commit. */
export function invalidateActiveSanctionsIndex(): void {
  const c = cache();
  c.checkedAt = 0;
}

/**
 * The ACTIVE sanctions list as an in-memory screening index, or null when no list has been imported (screening then
 * reports sanctions as unknown). Built once per list id per process; the active id is re-checked at most every
 * `maxAgeMs`, so an import in another process is picked up within seconds. Not a use case: it reads reference data
 * for the screening use case, which checks its own permission.
 */
export async function getActiveSanctionsIndex({ maxAgeMs = DEFAULT_MAX_AGE_MS }: GetActiveSanctionsIndexOptions = {}): Promise<ActiveSanctionsIndex | null> {
  const c = cache();
  if (c.checkedAt > 0 && Date.now() - c.checkedAt < maxAgeMs) return c.value;
  const active = await getDb().sanctionsList.findFirst({
    where: { status: "ACTIVE" },
    orderBy: { importedAt: "desc" },
    select: { id: true, source: true, publishedAt: true },
  });
  if (!active) {
    c.value = null;
    c.checkedAt = Date.now();
    return null;
  }
  if (c.value?.listId === active.id) {
    c.checkedAt = Date.now();
    return c.value;
  }
  if (c.loading?.listId !== active.id) {
    const promise = (async () => {
      const list = await loadSanctionsList({ listId: active.id });
      if (!list) throw new Error(`sanctions list ${active.id} disappeared while loading`);
      return { listId: active.id, listVersion: sanctionsListVersion(active), publishedAt: list.publishedAt, index: buildSanctionsIndex(list) };
    })();
    c.loading = { listId: active.id, promise };
    promise.then(
      (value) => {
        if (c.loading?.promise !== promise) return; // a newer list started loading meanwhile
        c.loading = undefined;
        c.value = value;
        c.checkedAt = Date.now();
      },
      () => {
        if (c.loading?.promise === promise) c.loading = undefined;
      },
    );
  }
  return c.loading!.promise;
}

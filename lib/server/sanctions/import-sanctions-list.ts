import "server-only";
import { randomUUID } from "node:crypto";
import type { SanctionsList } from "@/lib/enrichment/sanctions";
import { recordAuditEvent, type RequestMeta } from "../audit/record-audit-event";
import { assertPermission, type Actor } from "../auth/authorization";
import { getDb, type Tx } from "../db";
import { invalidateActiveSanctionsIndex } from "./get-active-sanctions-index";
import { OFAC_SDN_SOURCE, parseSanctionsFiles, sanctionsContentHash, type SanctionsUploadFile } from "./parse-sanctions-files";
import { encodeStoredWallet } from "./stored-wallet";
import { isSystemActor, type SystemActor } from "./system-actor";

export type ImportSanctionsListOptions = {
  /** A signed-in user with `sanctions.manage`, or the CLI's explicit system actor (see system-actor.ts). */
  actor: Actor | SystemActor;
  /** SDN.XML alone, or sdn.csv with optional alt.csv and add.csv (decoded text). */
  files: SanctionsUploadFile[];
  /** Required for the CSV set (it carries no date); for SDN.XML only used when the file lacks Publish_Date. */
  publishedAt?: Date | null;
  meta?: RequestMeta;
};

export type SanctionsListSummary = {
  id: string;
  source: string;
  format: string;
  publishedAt: Date | null;
  fileNames: string[];
  entryCount: number;
  aliasCount: number;
  status: "ACTIVE" | "SUPERSEDED";
  importedAt: Date;
};

export type ImportSanctionsListResult =
  /** A new version, now ACTIVE; the previous one is SUPERSEDED. */
  | { status: "imported"; list: SanctionsListSummary; addressCount: number; walletCount: number; supersededListId: string | null }
  /** The same content is already the ACTIVE list: nothing was written. */
  | { status: "unchanged"; list: SanctionsListSummary }
  /** The same content was imported before and later superseded: that version is ACTIVE again (no rows copied). */
  | { status: "reactivated"; list: SanctionsListSummary; supersededListId: string | null };

const summarySelect = {
  id: true,
  source: true,
  format: true,
  publishedAt: true,
  fileNames: true,
  entryCount: true,
  aliasCount: true,
  status: true,
  importedAt: true,
} as const;

// Rows per INSERT … SELECT FROM jsonb_to_recordset(…): one round trip per chunk keeps a 35k-row list to a handful
// of statements while each parameter stays a few hundred kilobytes.
const CHUNK = 2_000;
// All imports take this transaction-scoped lock, so two concurrent imports can't both supersede the same list.
const IMPORT_LOCK_KEY = 7_305_112_001;

/**
 * Imports one published version of OFAC's SDN list. Parsing happens first: a malformed file is a VALIDATION error
 * ("sdn.csv line 3: expected 12 columns, found 11") and nothing is written, so the list in force stays in force.
 * The same content (SHA-256 of the canonical parsed list) is never stored twice. A new version is written in one
 * transaction — list, entries, aliases, addresses, the previous ACTIVE list marked SUPERSEDED, and the audit row.
 */
export async function importSanctionsList({ actor, files, publishedAt, meta }: ImportSanctionsListOptions): Promise<ImportSanctionsListResult> {
  const system = isSystemActor(actor);
  if (!system) assertPermission(actor as Actor, "sanctions.manage");
  const actorId = system ? null : (actor as Actor).id;
  const via = system ? { via: "system", label: (actor as SystemActor).label } : { via: "user" };

  const { list, format, fileNames } = parseSanctionsFiles(files, publishedAt);
  const contentHash = sanctionsContentHash(list);
  const counts = countOf(list);

  const result = await getDb().$transaction(
    async (tx): Promise<ImportSanctionsListResult> => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${IMPORT_LOCK_KEY}::bigint)`;
      const existing = await tx.sanctionsList.findUnique({ where: { contentHash }, select: summarySelect });
      if (existing?.status === "ACTIVE") return { status: "unchanged", list: existing };

      const previous = await tx.sanctionsList.findMany({ where: { status: "ACTIVE" }, select: { id: true } });
      await tx.sanctionsList.updateMany({ where: { status: "ACTIVE" }, data: { status: "SUPERSEDED" } });
      const supersededListId = previous[0]?.id ?? null;

      if (existing) {
        const reactivated = await tx.sanctionsList.update({ where: { id: existing.id }, data: { status: "ACTIVE" }, select: summarySelect });
        await recordAuditEvent(tx, {
          actorId,
          action: "sanctions.list_reactivated",
          subjectType: "SanctionsList",
          subjectId: existing.id,
          before: { status: existing.status },
          after: { status: "ACTIVE", contentHash, fileNames, supersededListId, ...via },
          meta,
        });
        return { status: "reactivated", list: reactivated, supersededListId };
      }

      const id = randomUUID();
      const created = await tx.sanctionsList.create({
        data: {
          id,
          source: OFAC_SDN_SOURCE,
          publishedAt: list.publishedAt ? new Date(`${list.publishedAt}T00:00:00Z`) : null,
          contentHash,
          format,
          fileNames,
          entryCount: counts.entries,
          aliasCount: counts.aliases,
          status: "ACTIVE",
          importedById: actorId,
        },
        select: summarySelect,
      });
      await insertRows(tx, id, list);
      await recordAuditEvent(tx, {
        actorId,
        action: "sanctions.list_imported",
        subjectType: "SanctionsList",
        subjectId: id,
        after: {
          source: OFAC_SDN_SOURCE,
          format,
          publishedAt: list.publishedAt,
          contentHash,
          fileNames,
          entryCount: counts.entries,
          aliasCount: counts.aliases,
          addressCount: counts.addresses,
          walletCount: counts.wallets,
          supersededListId,
          ...via,
        },
        meta,
      });
      return { status: "imported", list: created, addressCount: counts.addresses, walletCount: counts.wallets, supersededListId };
    },
    // The full list is ~35k rows: well past Prisma's 5 s default on a slow (embedded) database.
    { maxWait: 30_000, timeout: 300_000 },
  );
  if (result.status !== "unchanged") invalidateActiveSanctionsIndex();
  return result;
}

function countOf(list: SanctionsList) {
  let aliases = 0;
  let addresses = 0;
  let wallets = 0;
  for (const e of list.entries) {
    aliases += e.aliases.length;
    addresses += e.addresses.length;
    wallets += e.digitalCurrencyAddresses.length;
  }
  return { entries: list.entries.length, aliases, addresses, wallets };
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

/**
 * Bulk inserts as INSERT … SELECT FROM jsonb_to_recordset($json): one parameter per chunk, typed by the column list.
 * Aliases and addresses find their entry id by (list_id, ent_num) — the unique index — so no ids travel back.
 */
async function insertRows(tx: Tx, listId: string, list: SanctionsList): Promise<void> {
  const entries = list.entries.map((e) => ({
    ent_num: e.entNum,
    name: e.name,
    type: e.type,
    programs: e.programs,
    title: e.title,
    remarks: e.remarks,
    wallets: e.digitalCurrencyAddresses.map(encodeStoredWallet),
    dobs: e.datesOfBirth,
    ids: e.idNumbers,
  }));
  for (const chunk of chunks(entries)) {
    await tx.$executeRaw`
      INSERT INTO sanctions_entries (list_id, ent_num, name, type, programs, title, remarks, wallet_addresses, dates_of_birth, id_numbers)
      SELECT ${listId}::uuid, x.ent_num, x.name, x.type,
             ARRAY(SELECT jsonb_array_elements_text(x.programs)), x.title, x.remarks,
             ARRAY(SELECT jsonb_array_elements_text(x.wallets)),
             ARRAY(SELECT jsonb_array_elements_text(x.dobs)), x.ids
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          AS x(ent_num int, name text, type text, programs jsonb, title text, remarks text, wallets jsonb, dobs jsonb, ids jsonb)`;
  }

  let i = 0;
  const aliases = list.entries.flatMap((e) => e.aliases.map((a) => ({ i: i++, ent_num: e.entNum, alt_num: a.altNum, type: a.type, name: a.name, strength: a.strength })));
  for (const chunk of chunks(aliases)) {
    await tx.$executeRaw`
      INSERT INTO sanctions_aliases (entry_id, alt_num, type, name, strength)
      SELECT e.id, x.alt_num, x.type, x.name, x.strength
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          AS x(i int, ent_num int, alt_num int, type text, name text, strength text)
        JOIN sanctions_entries e ON e.list_id = ${listId}::uuid AND e.ent_num = x.ent_num
       ORDER BY x.i`;
  }

  i = 0;
  const addresses = list.entries.flatMap((e) =>
    e.addresses.map((d) => ({ i: i++, ent_num: e.entNum, add_num: d.addNum, address: d.address, city_state_postal: d.cityStatePostal, country: d.country, remarks: d.remarks })),
  );
  for (const chunk of chunks(addresses)) {
    await tx.$executeRaw`
      INSERT INTO sanctions_addresses (entry_id, add_num, address, city_state_postal, country, remarks)
      SELECT e.id, x.add_num, x.address, x.city_state_postal, x.country, x.remarks
        FROM jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb)
          AS x(i int, ent_num int, add_num int, address text, city_state_postal text, country text, remarks text)
        JOIN sanctions_entries e ON e.list_id = ${listId}::uuid AND e.ent_num = x.ent_num
       ORDER BY x.i`;
  }
}

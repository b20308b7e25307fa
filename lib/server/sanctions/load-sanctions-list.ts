import "server-only";
import type { AliasType, SanctionsEntry, SanctionsIdNumber, SanctionsList, SdnType } from "@/lib/enrichment/sanctions";
import type { Tx } from "../db";
import { getDb } from "../db";
import { decodeStoredWallet } from "./stored-wallet";

export type LoadSanctionsListOptions = {
  listId: string;
  /**
   * Full addresses are not needed for screening; without this only each address's country is read (it corroborates
   * a name match). Set it when the whole list is wanted (e.g. to verify it).
   */
  withAddresses?: boolean;
  db?: Tx;
};

/**
 * Reads one imported list back into the parsers' `SanctionsList` shape (entries by entNum, aliases and addresses in
 * import order). Internal building block: callers are use cases that have already checked permission, or the
 * screening index loader. Three flat queries rather than nested includes: ~35k rows for a full list.
 */
export async function loadSanctionsList({ listId, withAddresses = false, db }: LoadSanctionsListOptions): Promise<SanctionsList | null> {
  const client = db ?? getDb();
  const list = await client.sanctionsList.findUnique({ where: { id: listId }, select: { format: true, publishedAt: true } });
  if (!list) return null;
  const entryRows = await client.$queryRaw<
    {
      id: bigint;
      ent_num: number;
      name: string;
      type: string;
      programs: string[];
      title: string | null;
      remarks: string | null;
      wallet_addresses: string[];
      dates_of_birth: string[] | null;
      id_numbers: SanctionsIdNumber[] | null;
    }[]
  >`SELECT id, ent_num, name, type, programs, title, remarks, wallet_addresses, dates_of_birth, id_numbers
      FROM sanctions_entries WHERE list_id = ${listId}::uuid ORDER BY ent_num`;
  const byId = new Map<bigint, SanctionsEntry>();
  const entries: SanctionsEntry[] = entryRows.map((r) => {
    const entry: SanctionsEntry = {
      entNum: r.ent_num,
      name: r.name,
      type: r.type as SdnType,
      programs: r.programs,
      title: r.title,
      remarks: r.remarks,
      aliases: [],
      addresses: [],
      digitalCurrencyAddresses: r.wallet_addresses.map(decodeStoredWallet),
      datesOfBirth: r.dates_of_birth ?? [],
      idNumbers: r.id_numbers ?? [],
    };
    byId.set(r.id, entry);
    return entry;
  });
  const aliasRows = await client.$queryRaw<{ entry_id: bigint; alt_num: number | null; type: string; name: string; strength: string | null }[]>`
    SELECT a.entry_id, a.alt_num, a.type, a.name, a.strength
      FROM sanctions_aliases a JOIN sanctions_entries e ON e.id = a.entry_id
     WHERE e.list_id = ${listId}::uuid ORDER BY a.id`;
  for (const a of aliasRows) {
    byId.get(a.entry_id)?.aliases.push({ altNum: a.alt_num, type: a.type as AliasType, name: a.name, strength: a.strength as "strong" | "weak" | null });
  }
  if (!withAddresses) {
    const countryRows = await client.$queryRaw<{ entry_id: bigint; country: string }[]>`
      SELECT d.entry_id, d.country
        FROM sanctions_addresses d JOIN sanctions_entries e ON e.id = d.entry_id
       WHERE e.list_id = ${listId}::uuid AND d.country IS NOT NULL ORDER BY d.id`;
    for (const d of countryRows) {
      byId.get(d.entry_id)?.addresses.push({ addNum: null, address: null, cityStatePostal: null, country: d.country, remarks: null });
    }
  } else {
    const addressRows = await client.$queryRaw<
      { entry_id: bigint; add_num: number | null; address: string | null; city_state_postal: string | null; country: string | null; remarks: string | null }[]
    >`SELECT d.entry_id, d.add_num, d.address, d.city_state_postal, d.country, d.remarks
        FROM sanctions_addresses d JOIN sanctions_entries e ON e.id = d.entry_id
       WHERE e.list_id = ${listId}::uuid ORDER BY d.id`;
    for (const d of addressRows) {
      byId.get(d.entry_id)?.addresses.push({ addNum: d.add_num, address: d.address, cityStatePostal: d.city_state_postal, country: d.country, remarks: d.remarks });
    }
  }
  return {
    source: list.format === "ofac-xml" ? "ofac-xml" : "ofac-csv",
    publishedAt: list.publishedAt ? list.publishedAt.toISOString().slice(0, 10) : null,
    entries,
  };
}

/** "OFAC-SDN 2021-06-01": the version a screening records. */
export function sanctionsListVersion(list: { source: string; publishedAt: Date | null }): string {
  return list.publishedAt ? `${list.source} ${list.publishedAt.toISOString().slice(0, 10)}` : list.source;
}

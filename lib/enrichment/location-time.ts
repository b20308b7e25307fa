// Claimed location → country code and IANA time zone; activity timestamps → share inside working hours and the
// UTC offset that fits the activity best (indicator LOC-04, severity L: weak alone).
//
// Working hours are 09:00–18:00 local time on ALL days. We do not filter weekdays: the weekday of an instant
// depends on the zone being tested, so a weekday filter would give each candidate offset a different sample and
// make their shares incomparable; and the signal we want is time-of-day clustering, which weekend activity shows
// just as well. Zone arithmetic uses Intl.DateTimeFormat, so DST is handled per instant.
import anyAscii from "any-ascii";
import cityTimezones from "city-timezones";
import countriesAndTimezones from "countries-and-timezones";
import countries from "i18n-iso-countries/index.js";
import countriesEn from "i18n-iso-countries/langs/en.json";

countries.registerLocale(countriesEn);

function normaliseName(text: string): string {
  return anyAscii(text)
    .toLowerCase()
    .replace(/['’`.]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "");
}

// Our own aliases on top of i18n-iso-countries' English names (which already know e.g. "USA", "UK",
// "South Korea", "North Korea"). Keys are in normaliseName() form.
const COUNTRY_ALIASES: Record<string, string> = {
  "united states": "US",
  "united states of america": "US",
  usa: "US",
  us: "US",
  america: "US",
  "u s": "US",
  uk: "GB",
  "u k": "GB",
  "great britain": "GB",
  britain: "GB",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  "northern ireland": "GB",
  "south korea": "KR",
  "korea south": "KR",
  "korea republic of": "KR",
  "republic of korea": "KR",
  "korea rep": "KR",
  rok: "KR",
  "north korea": "KP",
  "korea north": "KP",
  "korea democratic peoples republic of": "KP",
  "democratic peoples republic of korea": "KP",
  "korea dem peoples rep": "KP",
  "korea dpr": "KP",
  dprk: "KP",
  russia: "RU",
  "russian federation": "RU",
  vietnam: "VN",
  "viet nam": "VN",
  laos: "LA",
  "lao pdr": "LA",
  "lao peoples democratic republic": "LA",
  iran: "IR",
  "iran islamic republic of": "IR",
  syria: "SY",
  "syrian arab republic": "SY",
  taiwan: "TW",
  "taiwan province of china": "TW",
  "hong kong": "HK",
  "hong kong sar": "HK",
  macau: "MO",
  macao: "MO",
  "mainland china": "CN",
  prc: "CN",
  "peoples republic of china": "CN",
  uae: "AE",
  emirates: "AE",
  holland: "NL",
  netherlands: "NL",
  "czech republic": "CZ",
  czechia: "CZ",
  turkey: "TR",
  turkiye: "TR",
  burma: "MM",
  "ivory coast": "CI",
  "cote divoire": "CI",
  "cape verde": "CV",
  swaziland: "SZ",
  "east timor": "TL",
  drc: "CD",
  "dr congo": "CD",
  "congo kinshasa": "CD",
  "congo brazzaville": "CG",
  moldova: "MD",
  bolivia: "BO",
  venezuela: "VE",
  tanzania: "TZ",
  palestine: "PS",
  vatican: "VA",
  brunei: "BN",
  "north macedonia": "MK",
  macedonia: "MK",
};

let countryIndex: Map<string, string> | null = null;

function getCountryIndex(): Map<string, string> {
  if (countryIndex) return countryIndex;
  const index = new Map<string, string>();
  for (const [iso2, names] of Object.entries(countries.getNames("en", { select: "all" }))) {
    for (const name of names) index.set(normaliseName(name), iso2);
  }
  for (const [alias, iso2] of Object.entries(COUNTRY_ALIASES)) index.set(alias, iso2);
  countryIndex = index;
  return index;
}

/** Country name, alias, ISO2 or ISO3 code → ISO 3166-1 alpha-2, or null when unknown. */
export function toIso2(input: string | null | undefined): string | null {
  if (typeof input !== "string") return null;
  const raw = input.trim();
  if (!raw) return null;
  if (/^[A-Za-z]{2}$/.test(raw) && countries.isValid(raw.toUpperCase())) return raw.toUpperCase();
  if (/^[A-Za-z]{3}$/.test(raw)) {
    const a2 = countries.alpha3ToAlpha2(raw.toUpperCase());
    if (a2) return a2;
  }
  return getCountryIndex().get(normaliseName(raw)) ?? null;
}

interface CityEntry {
  iso2: string;
  province: string;
  stateCode: string;
  timeZone: string;
  population: number;
}

let cityIndex: Map<string, CityEntry[]> | null = null;
let provinceIndex: Map<string, CityEntry[]> | null = null;

function buildCityIndexes() {
  if (cityIndex && provinceIndex) return { cityIndex, provinceIndex };
  const byCity = new Map<string, CityEntry[]>();
  const byProvince = new Map<string, CityEntry[]>();
  const add = (map: Map<string, CityEntry[]>, key: string, e: CityEntry) => {
    if (!key) return;
    const list = map.get(key);
    if (!list) map.set(key, [e]);
    else if (!list.includes(e)) list.push(e);
  };
  for (const c of cityTimezones.cityMapping) {
    if (!c.timezone) continue;
    const e: CityEntry = {
      iso2: c.iso2,
      province: normaliseName(c.province ?? ""),
      stateCode: (c.state_ansi ?? "").toLowerCase(),
      timeZone: c.timezone,
      population: Number(c.pop) || 0,
    };
    add(byCity, normaliseName(c.city), e);
    add(byCity, normaliseName(c.city_ascii ?? ""), e);
    add(byProvince, e.province, e);
    if (e.stateCode) add(byProvince, e.stateCode, e);
  }
  cityIndex = byCity;
  provinceIndex = byProvince;
  return { cityIndex, provinceIndex };
}

export interface ClaimedLocation {
  city?: string | null;
  region?: string | null;
  country?: string | null;
}

export interface ClaimedTimeZone {
  country: string | null;
  timeZone: string | null;
  /** How the zone was found; 'unknown' when the place is ambiguous (e.g. "Springfield, US" without a state). */
  method: "city" | "region" | "country" | "unknown";
  /** The distinct zones still possible when the answer is unknown (helps the reviewer ask the right question). */
  candidates: string[];
}

const distinctZones = (entries: CityEntry[]) => [...new Set(entries.map((e) => e.timeZone))];

/** Zones a country spans; countries whose zones all share the same offsets collapse to one (e.g. DE). */
function countryZone(iso2: string): { zone: string | null; candidates: string[] } {
  const country = countriesAndTimezones.getCountry(iso2);
  const zones = country?.timezones ?? [];
  if (zones.length === 0) return { zone: null, candidates: [] };
  if (zones.length === 1) return { zone: zones[0], candidates: zones };
  const signatures = new Set(
    zones.map((z) => {
      const tz = countriesAndTimezones.getTimezone(z);
      return tz ? `${tz.utcOffset}/${tz.dstOffset}` : z;
    }),
  );
  if (signatures.size === 1) {
    // Same offsets everywhere (Germany's Büsingen uses Europe/Zurich): take the zone that belongs to the country.
    const own = zones.find((z) => countriesAndTimezones.getTimezone(z)?.countries[0] === iso2) ?? zones[0];
    return { zone: own, candidates: zones };
  }
  return { zone: null, candidates: zones };
}

/**
 * Claimed city/region/country → IANA zone. A city is looked up (narrowed by country and region when given);
 * a region alone resolves when one zone covers ≥ 90 % of its listed cities' population (e.g. Florida); a country
 * alone only when it has one zone (or zones with identical offsets). Anything ambiguous is unknown.
 */
export function resolveClaimedTimeZone(claimed: ClaimedLocation): ClaimedTimeZone {
  const iso2 = toIso2(claimed.country ?? null);
  const { cityIndex: byCity, provinceIndex: byProvince } = buildCityIndexes();
  const regionKey = claimed.region ? normaliseName(claimed.region) : "";
  const inRegion = (e: CityEntry) => !regionKey || e.province === regionKey || e.stateCode === regionKey;
  let candidates: string[] = [];

  if (claimed.city) {
    let entries = (byCity.get(normaliseName(claimed.city)) ?? []).filter((e) => !iso2 || e.iso2 === iso2);
    if (regionKey && entries.some(inRegion)) entries = entries.filter(inRegion);
    const zones = distinctZones(entries);
    if (zones.length === 1) return { country: iso2 ?? entries[0].iso2, timeZone: zones[0], method: "city", candidates: zones };
    candidates = zones;
    if (zones.length > 1 && !regionKey) return { country: iso2, timeZone: null, method: "unknown", candidates };
  }

  if (regionKey) {
    const entries = (byProvince.get(regionKey) ?? []).filter((e) => !iso2 || e.iso2 === iso2);
    const pop = new Map<string, number>();
    let total = 0;
    for (const e of entries) {
      const p = Math.max(e.population, 1);
      pop.set(e.timeZone, (pop.get(e.timeZone) ?? 0) + p);
      total += p;
    }
    const ranked = [...pop.entries()].sort((a, b) => b[1] - a[1]);
    if (ranked.length && ranked[0][1] / total >= 0.9) {
      return { country: iso2 ?? entries[0].iso2, timeZone: ranked[0][0], method: "region", candidates: ranked.map((r) => r[0]) };
    }
    if (ranked.length) candidates = ranked.map((r) => r[0]);
  }

  if (iso2) {
    const { zone, candidates: countryCandidates } = countryZone(iso2);
    if (zone && candidates.length === 0) return { country: iso2, timeZone: zone, method: "country", candidates: countryCandidates };
    return { country: iso2, timeZone: null, method: "unknown", candidates: candidates.length ? candidates : countryCandidates };
  }
  return { country: null, timeZone: null, method: "unknown", candidates };
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" });
    } catch {
      return null;
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when the zone name is one Intl knows. */
export function isValidTimeZone(timeZone: string): boolean {
  return formatterFor(timeZone) !== null;
}

/** Minutes after local midnight of an instant in a zone (DST-correct), or null for an unknown zone. */
export function localMinuteOfDay(instantMs: number, timeZone: string): number | null {
  const f = formatterFor(timeZone);
  if (!f) return null;
  let hour = 0;
  let minute = 0;
  for (const part of f.formatToParts(instantMs)) {
    if (part.type === "hour") hour = Number(part.value);
    else if (part.type === "minute") minute = Number(part.value);
  }
  return hour * 60 + minute;
}

/** UTC offset of a zone at an instant, in minutes (e.g. -600 for Honolulu), via Intl; null for unknown zones. */
export function utcOffsetMinutes(instantMs: number, timeZone: string): number | null {
  const local = localMinuteOfDay(instantMs, timeZone);
  if (local === null) return null;
  const utc = Math.floor(instantMs / 60000) % 1440;
  let diff = local - ((utc + 1440) % 1440);
  if (diff > 840) diff -= 1440;
  if (diff < -720) diff += 1440;
  return diff;
}

export interface WorkingHoursOptions {
  /** Local start hour (inclusive), default 9. */
  startHour?: number;
  /** Local end hour (exclusive), default 18. */
  endHour?: number;
}

export interface ActivityTimeFacts {
  /** Valid timestamps used. */
  sampleSize: number;
  /** Inputs that were not parseable ISO instants. */
  invalidTimestamps: number;
  timeZone: string | null;
  /** Share of activity inside working hours in the claimed zone; null without a zone or without samples. */
  shareInClaimedZone: number | null;
  /** Whole-hour UTC offset (−12..+14) whose working hours contain the most activity; null without samples. */
  bestFitUtcOffsetHours: number | null;
  bestFitShare: number | null;
  /** Every offset reaching the best share (activity often fits a band of offsets equally well). */
  bestFitOffsetsHours: number[];
  /** The claimed zone's offset at the median instant, in hours (may be fractional, e.g. 5.5). */
  claimedUtcOffsetHours: number | null;
}

function parseInstant(text: string): number | null {
  if (typeof text !== "string" || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text.trim())) return null;
  // An ISO instant needs an explicit zone (Z or ±hh:mm); local times without one are ambiguous.
  if (!/(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim())) return null;
  const ms = Date.parse(text.trim());
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Activity timestamps (ISO 8601 instants with Z or an offset) vs the claimed zone's working hours, and the
 * whole-hour UTC offset that explains the activity best (ties: the claimed offset if among them, else the middle
 * of the nearest run of tied offsets).
 */
export function analyseActivityTimes(
  timestamps: readonly string[],
  timeZone: string | null,
  options: WorkingHoursOptions = {},
): ActivityTimeFacts {
  const startMin = (options.startHour ?? 9) * 60;
  const endMin = (options.endHour ?? 18) * 60;
  const instants: number[] = [];
  let invalid = 0;
  for (const t of timestamps) {
    const ms = parseInstant(t);
    if (ms === null) invalid++;
    else instants.push(ms);
  }
  const zone = timeZone && isValidTimeZone(timeZone) ? timeZone : null;
  const result: ActivityTimeFacts = {
    sampleSize: instants.length,
    invalidTimestamps: invalid,
    timeZone: zone,
    shareInClaimedZone: null,
    bestFitUtcOffsetHours: null,
    bestFitShare: null,
    bestFitOffsetsHours: [],
    claimedUtcOffsetHours: null,
  };
  if (instants.length === 0) return result;
  const inside = (minute: number) => minute >= startMin && minute < endMin;

  if (zone) {
    let hits = 0;
    for (const ms of instants) if (inside(localMinuteOfDay(ms, zone)!)) hits++;
    result.shareInClaimedZone = hits / instants.length;
    const sorted = [...instants].sort((a, b) => a - b);
    result.claimedUtcOffsetHours = utcOffsetMinutes(sorted[Math.floor(sorted.length / 2)], zone)! / 60;
  }

  const utcMinutes = instants.map((ms) => ((Math.floor(ms / 60000) % 1440) + 1440) % 1440);
  let best = -1;
  const shares = new Map<number, number>();
  for (let offset = -12; offset <= 14; offset++) {
    let hits = 0;
    for (const m of utcMinutes) if (inside((m + offset * 60 + 2880) % 1440)) hits++;
    const share = hits / instants.length;
    shares.set(offset, share);
    if (share > best) best = share;
  }
  const ties = [...shares.entries()].filter(([, s]) => s === best).map(([o]) => o);
  // Ties form runs of neighbouring offsets (a 9-hour window fits a 6-hour workday in 4 offsets). Keep the claimed
  // offset when it is among them; otherwise the middle of the run nearest the claimed offset (longest run without).
  const runs: number[][] = [];
  for (const o of ties) {
    const last = runs[runs.length - 1];
    if (last && o === last[last.length - 1] + 1) last.push(o);
    else runs.push([o]);
  }
  const claimed = result.claimedUtcOffsetHours;
  const distance = (run: number[]) => (claimed === null ? -run.length : Math.min(...run.map((o) => Math.abs(o - claimed))));
  const run = runs.reduce((a, b) => (distance(b) < distance(a) ? b : a));
  const chosen = claimed !== null && Number.isInteger(claimed) && ties.includes(claimed) ? claimed : run[Math.floor((run.length - 1) / 2)];
  result.bestFitUtcOffsetHours = chosen;
  result.bestFitShare = best;
  result.bestFitOffsetsHours = ties;
  return result;
}

// Postal address normalisation in the spirit of USPS Publication 28 (Appendix C street suffixes, C2 secondary
// unit designators, directionals): "1918 W Thomas Rd" = "1918 West Thomas Road" → "1918 w thomas rd";
// "Apt 4B" = "Unit 4b" = "#4B" → "# 4b". Unit designators are unified to "#" on purpose: applicants and forms
// use them interchangeably, and for linkage (several applicants at one laptop-farm address) the number matters.
import anyAscii from "any-ascii";

const STREET_SUFFIXES: Record<string, string> = {
  alley: "aly", allee: "aly", ally: "aly", avenue: "ave", av: "ave", aven: "ave", avenu: "ave", avn: "ave",
  boulevard: "blvd", boul: "blvd", boulv: "blvd", circle: "cir", circ: "cir", circl: "cir", court: "ct", crt: "ct",
  cove: "cv", crescent: "cres", crsent: "cres", drive: "dr", driv: "dr", drv: "dr", expressway: "expy", freeway: "fwy",
  highway: "hwy", highwy: "hwy", hiway: "hwy", lane: "ln", loop: "loop", parkway: "pkwy", parkwy: "pkwy", pky: "pkwy",
  place: "pl", plaza: "plz", point: "pt", road: "rd", route: "rte", square: "sq", sqr: "sq", street: "st", strt: "st",
  str: "st", terrace: "ter", terr: "ter", trail: "trl", trails: "trl", turnpike: "tpke", way: "way", center: "ctr",
  centre: "ctr", heights: "hts", junction: "jct", mount: "mt", mountain: "mtn", ridge: "rdg", run: "run",
  station: "sta", valley: "vly", view: "vw", village: "vlg", crossing: "xing", commons: "cmns", estates: "ests",
};

const DIRECTIONALS: Record<string, string> = {
  north: "n", south: "s", east: "e", west: "w", northeast: "ne", northwest: "nw", southeast: "se", southwest: "sw",
  "north east": "ne", "north west": "nw", "south east": "se", "south west": "sw",
};

// Secondary unit designators (USPS C2) that carry a number; all become "#".
const UNIT_WORDS = new Set([
  "apt", "apartment", "unit", "ste", "suite", "rm", "room", "fl", "floor", "bldg", "building", "dept", "department",
  "spc", "space", "lot", "trlr", "trailer", "no", "number", "#",
]);

/**
 * Normalised postal address for linkage, or null when empty. Case, accents and punctuation are removed, street
 * types and directionals abbreviated, unit designators unified ("Apt 4B", "Unit 4b", "#4B", "Suite 4-B" → "# 4b").
 */
export function normaliseAddress(value: string | null | undefined): string | null {
  if (typeof value !== "string") return null;
  let text = anyAscii(value).toLowerCase();
  text = text.replace(/#\s*/g, " # ").replace(/[.,;:'"()]/g, " ");
  // "4-B" → "4b" (unit letters), other hyphens → space.
  text = text.replace(/(\d)-([a-z])\b/g, "$1$2").replace(/-/g, " ");
  text = text.replace(/\b(north|south) (east|west)\b/g, "$1$2");
  const tokens = text.split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return null;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (UNIT_WORDS.has(t) && i + 1 < tokens.length && /\d/.test(tokens[i + 1])) {
      if (out[out.length - 1] !== "#") out.push("#");
      continue;
    }
    if (t === "#") {
      if (out[out.length - 1] !== "#") out.push("#");
      continue;
    }
    out.push(DIRECTIONALS[t] ?? STREET_SUFFIXES[t] ?? t);
  }
  return out.join(" ");
}

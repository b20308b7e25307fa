import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { parseOfacCsv, parseSdnXml, SanctionsFileError, type SanctionsList } from "@/lib/enrichment/sanctions";

export type SanctionsUploadFile = { name: string; content: string };

/** What the list is called in screening results ("OFAC-SDN 2021-06-01"). Both file formats carry the same list. */
export const OFAC_SDN_SOURCE = "OFAC-SDN";

export type ParsedSanctionsFiles = {
  list: SanctionsList;
  /** "ofac-csv" | "ofac-xml" (the parser's source). */
  format: SanctionsList["source"];
  fileNames: string[];
};

type CsvRole = "sdn" | "alt" | "add";

const FORMAT_HELP = "Upload OFAC's SDN.XML, or sdn.csv with optional alt.csv and add.csv.";

function isXml(file: SanctionsUploadFile): boolean {
  if (/\.xml$/i.test(file.name)) return true;
  // Content sniffing for a renamed download: an XML declaration or a root element first.
  return /^\uFEFF?\s*<(\?xml|[A-Za-z])/.test(file.content.slice(0, 200));
}

/** sdn.csv, alt.csv, add.csv — also "sdn (1).csv" or "sdn-2021.csv" as browsers and people rename downloads. */
function csvRole(name: string): CsvRole | null {
  const m = /^(sdn|alt|add)(?![a-z]).*\.csv$/i.exec(name.trim());
  return m ? (m[1].toLowerCase() as CsvRole) : null;
}

function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/**
 * Detects the format (SDN.XML, or the CSV set) and parses it with the enrichment parsers. A malformed file becomes
 * a VALIDATION error naming the file, line and reason; nothing has been written at this point.
 */
export function parseSanctionsFiles(files: SanctionsUploadFile[], publishedAt?: Date | null): ParsedSanctionsFiles {
  if (files.length === 0) throw new AppError("VALIDATION", `Choose the list's files. ${FORMAT_HELP}`, { fieldErrors: { files: ["Choose at least one file."] } });
  const fileNames = files.map((f) => f.name);
  const xmlFiles = files.filter(isXml);
  try {
    if (xmlFiles.length > 0) {
      if (files.length > 1) throw new AppError("VALIDATION", `Upload SDN.XML on its own, not together with other files. ${FORMAT_HELP}`);
      const list = parseSdnXml(files[0].content, { fileName: files[0].name });
      // The XML states its own publication date; the caller's date only fills in when it is missing.
      const withDate = { ...list, publishedAt: list.publishedAt ?? (publishedAt ? utcDay(publishedAt) : null) };
      if (!withDate.publishedAt) throw missingDate(`${files[0].name} has no Publish_Date: give the list's publication date.`);
      return { list: withDate, format: list.source, fileNames };
    }
    const byRole = new Map<CsvRole, SanctionsUploadFile>();
    for (const file of files) {
      const role = csvRole(file.name);
      if (!role) throw new AppError("VALIDATION", `${file.name}: not a file of OFAC's SDN list. ${FORMAT_HELP}`);
      if (byRole.has(role)) throw new AppError("VALIDATION", `Two ${role}.csv files (${byRole.get(role)!.name}, ${file.name}): upload one of each.`);
      byRole.set(role, file);
    }
    const sdn = byRole.get("sdn");
    if (!sdn) throw new AppError("VALIDATION", `sdn.csv is missing: alt.csv and add.csv only add aliases and addresses to it. ${FORMAT_HELP}`);
    // OFAC's CSV carries no publication date, so the person importing states it (the page and the CLI ask).
    if (!publishedAt) throw missingDate("The CSV files carry no publication date: give the date OFAC published this list.");
    const alt = byRole.get("alt");
    const add = byRole.get("add");
    const list = parseOfacCsv(
      { sdn: sdn.content, alt: alt?.content ?? null, add: add?.content ?? null },
      { publishedAt: utcDay(publishedAt), fileNames: { sdn: sdn.name, alt: alt?.name, add: add?.name } },
    );
    return { list, format: list.source, fileNames };
  } catch (error) {
    if (error instanceof SanctionsFileError) throw new AppError("VALIDATION", describeFileError(error), { cause: error });
    throw error;
  }
}

function missingDate(message: string): AppError {
  return new AppError("VALIDATION", message, { fieldErrors: { publishedAt: ["Give the publication date (YYYY-MM-DD)."] } });
}

/** "sdn.csv line 3: expected 12 columns, found 11" — the file, line and reason the person importing needs. */
export function describeFileError(error: SanctionsFileError): string {
  return error.line !== null ? `${error.file} line ${error.line}: ${error.reason}` : `${error.file}: ${error.reason}`;
}

/**
 * SHA-256 of the list's content in a canonical form: entries by entNum; aliases, addresses, programs and wallets
 * sorted; object keys sorted. Independent of file order, line endings and format details the parser already
 * absorbed, and of the publication date: the same entries published on two dates are the same list in force.
 */
export function sanctionsContentHash(list: SanctionsList): string {
  const hash = createHash("sha256").update(`{"source":${JSON.stringify(OFAC_SDN_SOURCE)},"entries":[`);
  const entries = [...list.entries].sort((a, b) => a.entNum - b.entNum);
  entries.forEach((e, i) => {
    const { aliases, addresses, digitalCurrencyAddresses, programs, ...scalars } = e;
    const rest = stableJson({ ...scalars, programs: [...programs].sort() });
    // The sorted lists are spliced in as already-serialised JSON: each item is serialised once.
    const lists = `"addresses":${sortedJsonArray(addresses)},"aliases":${sortedJsonArray(aliases)},"digitalCurrencyAddresses":${sortedJsonArray(digitalCurrencyAddresses)}`;
    hash.update(`${i ? "," : ""}{${lists},${rest.slice(1)}`);
  });
  return hash.update("]}").digest("hex");
}

function sortedJsonArray(items: unknown[]): string {
  return `[${items
    .map(stableJson)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(",")}]`;
}

/** JSON with object keys in sorted order, so equal content always serialises to the same bytes. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
    .join(",")}}`;
}

/**
 * Uploaded bytes → text. OFAC's files are UTF-8 (plain ASCII in practice); older downloads and re-saved copies can
 * be Windows-1252, which would otherwise turn accented names into U+FFFD and change the content hash.
 */
export function decodeSanctionsFile(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("windows-1252").decode(bytes);
  }
}

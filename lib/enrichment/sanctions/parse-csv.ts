// Parser for OFAC's legacy CSV set: sdn.csv (12 columns), alt.csv (5), add.csv (6). No header row; null is
// written "-0-" (often followed by a space); the file may end with a DOS end-of-file byte (0x1A).
import {
  digitalCurrencyAddressesIn,
  SanctionsFileError,
  splitPrograms,
  weakAliasesIn,
  datesOfBirthIn,
  idNumbersIn,
  type AliasType,
  type SanctionsEntry,
  type SanctionsList,
  type SdnType,
} from "./types";

interface CsvRecord {
  line: number;
  fields: string[];
}

/** RFC 4180-style records with the 1-based line each starts on. Throws on an unterminated quote. */
function readCsvRecords(file: string, text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const n = text.length;
  let pos = 0;
  let line = 1;
  while (pos < n) {
    const recordLine = line;
    const fields: string[] = [];
    let hasData = false;
    for (;;) {
      let field: string;
      if (text.charCodeAt(pos) === 34 /* " */) {
        // Quoted field: scan to the closing quote, unescaping "".
        const startLine = line;
        let from = pos + 1;
        field = "";
        for (;;) {
          const q = text.indexOf('"', from);
          if (q < 0) throw new SanctionsFileError(file, startLine, "unterminated quoted field");
          const chunk = text.slice(from, q);
          for (let i = chunk.indexOf("\n"); i >= 0; i = chunk.indexOf("\n", i + 1)) line++;
          field += chunk;
          if (text.charCodeAt(q + 1) === 34) {
            field += '"';
            from = q + 2;
          } else {
            pos = q + 1;
            break;
          }
        }
        // Anything between the closing quote and the delimiter (e.g. a stray space) is ignored.
        while (pos < n && text[pos] !== "," && text[pos] !== "\n") pos++;
        hasData = true;
      } else {
        let end = pos;
        while (end < n) {
          const c = text.charCodeAt(end);
          if (c === 44 || c === 10) break;
          end++;
        }
        field = text.slice(pos, end).replace(/[\r\x1a]/g, "");
        if (field.trim()) hasData = true;
        pos = end;
      }
      fields.push(field);
      if (pos < n && text.charCodeAt(pos) === 44) {
        pos++;
        hasData = true;
        continue;
      }
      // End of record: newline or end of text.
      pos++;
      line++;
      break;
    }
    if (hasData) records.push({ line: recordLine, fields });
  }
  return records;
}

/** "-0-" (OFAC's null) and blanks → null; everything else trimmed. */
function value(field: string): string | null {
  const v = field.trim();
  return v === "" || v === "-0-" ? null : v;
}

function integer(file: string, line: number, column: string, field: string): number {
  const v = field.trim();
  if (!/^\d+$/.test(v)) throw new SanctionsFileError(file, line, `${column} is not a whole number: "${v}"`);
  return Number(v);
}

function checkColumns(file: string, record: CsvRecord, expected: number) {
  if (record.fields.length !== expected) {
    throw new SanctionsFileError(file, record.line, `expected ${expected} columns, found ${record.fields.length}`);
  }
}

const SDN_TYPES: Record<string, SdnType> = { individual: "individual", vessel: "vessel", aircraft: "aircraft", entity: "entity" };
const ALT_TYPES: Record<string, AliasType> = { aka: "aka", fka: "fka", nka: "nka" };

export interface OfacCsvFiles {
  /** Contents of sdn.csv (required). */
  sdn: string;
  /** Contents of alt.csv (aliases), if supplied. */
  alt?: string | null;
  /** Contents of add.csv (addresses), if supplied. */
  add?: string | null;
}

export interface OfacCsvOptions {
  /** YYYY-MM-DD publication date: the CSV does not carry one, so the caller states it (user input or download date). */
  publishedAt?: string | null;
  /** File names used in error messages (defaults sdn.csv, alt.csv, add.csv). */
  fileNames?: { sdn?: string; alt?: string; add?: string };
}

/** Parses OFAC's legacy CSV set into a SanctionsList. Malformed input throws SanctionsFileError. */
export function parseOfacCsv(files: OfacCsvFiles, options: OfacCsvOptions = {}): SanctionsList {
  const sdnFile = options.fileNames?.sdn ?? "sdn.csv";
  const altFile = options.fileNames?.alt ?? "alt.csv";
  const addFile = options.fileNames?.add ?? "add.csv";
  if (options.publishedAt != null && !/^\d{4}-\d{2}-\d{2}$/.test(options.publishedAt)) {
    throw new SanctionsFileError(sdnFile, null, `publishedAt must be YYYY-MM-DD, got "${options.publishedAt}"`);
  }

  const entries: SanctionsEntry[] = [];
  const byNum = new Map<number, SanctionsEntry>();
  for (const record of readCsvRecords(sdnFile, files.sdn)) {
    checkColumns(sdnFile, record, 12);
    const f = record.fields;
    const entNum = integer(sdnFile, record.line, "ent_num", f[0]);
    if (byNum.has(entNum)) throw new SanctionsFileError(sdnFile, record.line, `duplicate ent_num ${entNum}`);
    const name = value(f[1]);
    if (!name) throw new SanctionsFileError(sdnFile, record.line, `ent_num ${entNum} has no SDN_Name`);
    const rawType = value(f[2])?.toLowerCase() ?? "entity";
    const type = SDN_TYPES[rawType];
    if (!type) throw new SanctionsFileError(sdnFile, record.line, `unknown SDN_Type "${rawType}"`);
    const remarks = value(f[11]);
    const entry: SanctionsEntry = {
      entNum,
      name,
      type,
      programs: splitPrograms(value(f[3])),
      title: value(f[4]),
      remarks,
      aliases: weakAliasesIn(remarks),
      addresses: [],
      digitalCurrencyAddresses: digitalCurrencyAddressesIn(remarks),
      datesOfBirth: datesOfBirthIn(remarks),
      idNumbers: idNumbersIn(remarks),
    };
    entries.push(entry);
    byNum.set(entNum, entry);
  }
  if (entries.length === 0) throw new SanctionsFileError(sdnFile, null, "no entries");

  if (files.alt) {
    for (const record of readCsvRecords(altFile, files.alt)) {
      checkColumns(altFile, record, 5);
      const f = record.fields;
      const entNum = integer(altFile, record.line, "ent_num", f[0]);
      const entry = byNum.get(entNum);
      if (!entry) throw new SanctionsFileError(altFile, record.line, `alias refers to missing ent_num ${entNum}`);
      const rawType = (value(f[2]) ?? "aka").toLowerCase().replace(/\./g, "");
      const type = ALT_TYPES[rawType];
      if (!type) throw new SanctionsFileError(altFile, record.line, `unknown alt_type "${rawType}"`);
      const name = value(f[3]);
      if (!name) throw new SanctionsFileError(altFile, record.line, "alias without alt_name");
      entry.aliases.push({ altNum: integer(altFile, record.line, "alt_num", f[1]), type, name, strength: null });
    }
  }

  if (files.add) {
    for (const record of readCsvRecords(addFile, files.add)) {
      checkColumns(addFile, record, 6);
      const f = record.fields;
      const entNum = integer(addFile, record.line, "ent_num", f[0]);
      const entry = byNum.get(entNum);
      if (!entry) throw new SanctionsFileError(addFile, record.line, `address refers to missing ent_num ${entNum}`);
      entry.addresses.push({
        addNum: integer(addFile, record.line, "add_num", f[1]),
        address: value(f[2]),
        cityStatePostal: value(f[3]),
        country: value(f[4]),
        remarks: value(f[5]),
      });
    }
  }

  return { source: "ofac-csv", publishedAt: options.publishedAt ?? null, entries };
}

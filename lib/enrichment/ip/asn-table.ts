// IP → autonomous system number and organisation, from ip-location-db's ASN CSV
// (`start,end,asn,organisation`; start/end either numeric or textual addresses, inclusive ranges).
// Rows are held in typed arrays (IPv4: Uint32; IPv6: two BigUint64 halves) sorted by start and binary-searched;
// organisation names are stored once and referenced by index, so ~412k IPv4 rows take ~7 MB plus the names.
import { readFileSync } from "node:fs";

import { parseIp } from "./ip-address";

export interface AsnHit {
  asn: number;
  organisation: string | null;
}

export interface AsnTable {
  readonly size: number;
  lookupV4(value: number): AsnHit | null;
  lookupV6(hi: bigint, lo: bigint): AsnHit | null;
}

const DIGITS_ONLY = (field: string): boolean => {
  if (field.length === 0) return false;
  for (let i = 0; i < field.length; i++) {
    const c = field.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
};

function toV4(field: string): number | null {
  if (DIGITS_ONLY(field)) {
    const n = Number(field);
    return n <= 0xffffffff ? n : null;
  }
  const p = parseIp(field);
  return p?.version === 4 ? p.value : null;
}

const MASK64 = 0xffffffffffffffffn;

function toV6(field: string): [bigint, bigint] | null {
  if (DIGITS_ONLY(field)) {
    const n = BigInt(field);
    return [n >> 64n, n & MASK64];
  }
  const p = parseIp(field);
  return p?.version === 6 ? [p.hi, p.lo] : null;
}

class OrgPool {
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.names.push(name);
      this.ids.set(name, id);
    }
    return id;
  }
}

function cmp128(aHi: bigint, aLo: bigint, bHi: bigint, bLo: bigint): number {
  if (aHi !== bHi) return aHi < bHi ? -1 : 1;
  if (aLo !== bLo) return aLo < bLo ? -1 : 1;
  return 0;
}

/** Unsigned decimal integer in bytes [from, to), or -1 when the field is empty or not all digits. */
function readUint(buf: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = buf[i];
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/**
 * Builds a table from the bytes of one or more ASN CSV files (IPv4 and/or IPv6 rows, detected per row).
 * Works on bytes rather than one big string: faster, and organisation names are fresh strings that do not keep
 * the file's text alive. Unparseable rows are skipped and counted, never thrown: a partly damaged refresh file
 * still answers.
 */
export function buildAsnTable(files: Uint8Array[]): AsnTable & { skippedRows: number } {
  const orgs = new OrgPool();
  const v4: { start: number[]; end: number[]; asn: number[]; org: number[] } = { start: [], end: [], asn: [], org: [] };
  const v6rows: { sHi: bigint; sLo: bigint; eHi: bigint; eLo: bigint; asn: number; org: number }[] = [];
  let skippedRows = 0;
  const decoder = new TextDecoder();
  for (const buf of files) {
    let prevOrgFrom = -1;
    let prevOrgTo = -1;
    let prevOrgId = -1;
    let pos = 0;
    while (pos < buf.length) {
      let nl = buf.indexOf(10, pos);
      if (nl < 0) nl = buf.length;
      const lineStart = pos;
      let lineEnd = nl;
      pos = nl + 1;
      if (lineEnd > lineStart && buf[lineEnd - 1] === 13) lineEnd--;
      if (lineEnd === lineStart || buf[lineStart] === 35 /* # */) continue;
      const c1 = buf.indexOf(44, lineStart);
      const c2 = c1 < 0 ? -1 : buf.indexOf(44, c1 + 1);
      const c3 = c2 < 0 ? -1 : buf.indexOf(44, c2 + 1);
      const asn = c3 < 0 || c3 >= lineEnd ? -1 : readUint(buf, c2 + 1, c3);
      if (asn < 0) {
        skippedRows++;
        continue;
      }
      // Organisation: field 4, possibly quoted with "" escapes. Consecutive rows often repeat it: reuse the id.
      let oFrom = c3 + 1;
      let oTo = lineEnd;
      let sameAsPrev = prevOrgId >= 0 && oTo - oFrom === prevOrgTo - prevOrgFrom;
      for (let i = 0; sameAsPrev && i < oTo - oFrom; i++) sameAsPrev = buf[oFrom + i] === buf[prevOrgFrom + i];
      let orgId = prevOrgId;
      if (!sameAsPrev) {
        const rawFrom = oFrom;
        const rawTo = oTo;
        let quoted = false;
        if (oTo - oFrom >= 2 && buf[oFrom] === 34 && buf[oTo - 1] === 34) {
          oFrom++;
          oTo--;
          quoted = true;
        }
        let name = decoder.decode(buf.subarray(oFrom, oTo)).trim();
        if (quoted) name = name.replace(/""/g, '"');
        orgId = orgs.intern(name);
        prevOrgFrom = rawFrom;
        prevOrgTo = rawTo;
        prevOrgId = orgId;
      }
      const s4 = readUint(buf, lineStart, c1);
      const e4 = readUint(buf, c1 + 1, c2);
      if (s4 >= 0 && e4 >= 0 && s4 <= 0xffffffff && e4 <= 0xffffffff) {
        v4.start.push(s4);
        v4.end.push(e4);
        v4.asn.push(asn);
        v4.org.push(orgId);
        continue;
      }
      const startText = decoder.decode(buf.subarray(lineStart, c1));
      const endText = decoder.decode(buf.subarray(c1 + 1, c2));
      const s4t = toV4(startText);
      const e4t = toV4(endText);
      if (s4t !== null && e4t !== null) {
        v4.start.push(s4t);
        v4.end.push(e4t);
        v4.asn.push(asn);
        v4.org.push(orgId);
        continue;
      }
      const s6 = toV6(startText);
      const e6 = toV6(endText);
      if (!s6 || !e6) {
        skippedRows++;
        continue;
      }
      v6rows.push({ sHi: s6[0], sLo: s6[1], eHi: e6[0], eLo: e6[1], asn, org: orgId });
    }
  }

  // Sort by start (the published files are sorted; a user's file may not be).
  const order4 = Array.from(v4.start.keys());
  if (!v4.start.every((s, i) => i === 0 || v4.start[i - 1] <= s)) order4.sort((a, b) => v4.start[a] - v4.start[b]);
  const n4 = order4.length;
  const start4 = new Uint32Array(n4);
  const end4 = new Uint32Array(n4);
  const asn4 = new Uint32Array(n4);
  const org4 = new Uint32Array(n4);
  order4.forEach((src, i) => {
    start4[i] = v4.start[src];
    end4[i] = v4.end[src];
    asn4[i] = v4.asn[src];
    org4[i] = v4.org[src];
  });

  v6rows.sort((a, b) => cmp128(a.sHi, a.sLo, b.sHi, b.sLo));
  const n6 = v6rows.length;
  const sHi6 = new BigUint64Array(n6);
  const sLo6 = new BigUint64Array(n6);
  const eHi6 = new BigUint64Array(n6);
  const eLo6 = new BigUint64Array(n6);
  const asn6 = new Uint32Array(n6);
  const org6 = new Uint32Array(n6);
  v6rows.forEach((r, i) => {
    sHi6[i] = r.sHi;
    sLo6[i] = r.sLo;
    eHi6[i] = r.eHi;
    eLo6[i] = r.eLo;
    asn6[i] = r.asn;
    org6[i] = r.org;
  });

  const names = orgs.names;
  const hit = (asn: number, orgId: number): AsnHit => ({ asn, organisation: names[orgId] || null });

  return {
    size: n4 + n6,
    skippedRows,
    lookupV4(value) {
      let lo = 0;
      let hi = n4 - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (start4[mid] <= value) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0 || value > end4[found]) return null;
      return hit(asn4[found], org4[found]);
    },
    lookupV6(vHi, vLo) {
      let lo = 0;
      let hi = n6 - 1;
      let found = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp128(sHi6[mid], sLo6[mid], vHi, vLo) <= 0) {
          found = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      if (found < 0 || cmp128(vHi, vLo, eHi6[found], eLo6[found]) > 0) return null;
      return hit(asn6[found], org6[found]);
    },
  };
}

/** Reads the given CSV files (missing ones are reported through `onError`) and builds one table. */
export function loadAsnTable(paths: string[], onError: (path: string, error: unknown) => void): AsnTable | null {
  const texts: Uint8Array[] = [];
  for (const p of paths) {
    try {
      texts.push(readFileSync(p));
    } catch (error) {
      onError(p, error);
    }
  }
  return texts.length ? buildAsnTable(texts) : null;
}

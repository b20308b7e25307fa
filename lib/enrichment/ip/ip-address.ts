// Parsing and canonical forms for IP addresses. Pure, no dependencies, so both the IP lookups and the linkage
// helpers share one definition of "the same address".

export type ParsedIp =
  | { version: 4; value: number; canonical: string }
  | { version: 6; hi: bigint; lo: bigint; canonical: string };

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** IPv4 dotted quad → unsigned 32-bit integer, or null. Leading zeros are rejected (ambiguous octal forms). */
export function parseIpv4(text: string): number | null {
  const m = IPV4.exec(text);
  if (!m) return null;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const part = m[i];
    if (part.length > 1 && part[0] === "0") return null;
    const n = Number(part);
    if (n > 255) return null;
    value = value * 256 + n;
  }
  return value;
}

export function formatIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join(".");
}

/** IPv6 text → 8 hextets, or null. Accepts `::` compression and a trailing embedded IPv4; strips a `%zone`. */
function parseIpv6Hextets(input: string): number[] | null {
  let text = input;
  const zone = text.indexOf("%");
  if (zone >= 0) text = text.slice(0, zone);
  if (text.length < 2 || !/^[0-9a-fA-F:.]+$/.test(text)) return null;
  if (text.includes(".")) {
    // Embedded IPv4 (`::ffff:1.2.3.4`): rewrite it as two hextets, then parse as plain IPv6.
    const lastColon = text.lastIndexOf(":");
    const v4 = parseIpv4(text.slice(lastColon + 1));
    if (v4 === null) return null;
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const toGroups = (s: string): number[] | null => {
    if (s === "") return [];
    const out: number[] = [];
    for (const g of s.split(":")) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  const head = toGroups(halves[0]);
  if (!head) return null;
  if (halves.length === 1) {
    return head.length === 8 ? head : null;
  }
  const rest = toGroups(halves[1]);
  if (!rest) return null;
  const known = head.length + rest.length;
  if (known > 7) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest];
}

/** RFC 5952 text form: lower-case, leading zeros dropped, longest run (≥ 2) of zero groups compressed to `::`. */
function formatIpv6(groups: number[]): string {
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

/** Parses an IPv4 or IPv6 address. IPv4-mapped IPv6 (`::ffff:1.2.3.4`) is returned as IPv4. */
export function parseIp(input: string | null | undefined): ParsedIp | null {
  if (typeof input !== "string") return null;
  let text = input.trim();
  if (text.startsWith("[") && text.endsWith("]")) text = text.slice(1, -1);
  const v4 = parseIpv4(text);
  if (v4 !== null) return { version: 4, value: v4, canonical: formatIpv4(v4) };
  if (!text.includes(":")) return null;
  const groups = parseIpv6Hextets(text);
  if (!groups) return null;
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    const value = ((groups[6] << 16) >>> 0) + groups[7];
    return { version: 4, value, canonical: formatIpv4(value) };
  }
  let hi = 0n;
  let lo = 0n;
  for (let i = 0; i < 4; i++) hi = (hi << 16n) | BigInt(groups[i]);
  for (let i = 4; i < 8; i++) lo = (lo << 16n) | BigInt(groups[i]);
  return { version: 6, hi, lo, canonical: formatIpv6(groups) };
}

/** Canonical text form (IPv4 dotted quad; IPv6 compressed lower-case), or null when not an IP address. */
export function canonicalIp(input: string | null | undefined): string | null {
  return parseIp(input)?.canonical ?? null;
}

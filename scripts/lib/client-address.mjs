// Who is on the other end of a request, decided once by our HTTP server (scripts/server.mjs) before Next sees it.
//
// A client can put anything in X-Forwarded-For; only a proxy we trust may. TRUSTED_PROXIES lists the addresses or
// CIDR ranges of the reverse proxies in front of the app (comma-separated, e.g. "127.0.0.1, 10.0.0.0/8"); empty
// means none, and then the TCP peer is the client and every X-Forwarded-* header is dropped. Behind trusted proxies,
// X-Forwarded-For is read from the right: each trusted hop is skipped, and the first address not ours is the client.

/** @typedef {{ version: 4 | 6, bits: bigint, prefix: number }} Cidr */

/** IPv4 or IPv6 text → { version, value as bigint } or null (IPv4-mapped IPv6 becomes IPv4). */
export function parseAddress(text) {
  if (typeof text !== "string") return null;
  let t = text.trim();
  if (t.startsWith("[") && t.includes("]")) t = t.slice(1, t.indexOf("]"));
  const zone = t.indexOf("%");
  if (zone >= 0) t = t.slice(0, zone);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(t);
  if (mapped) t = mapped[1];
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(t);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return null;
    return { version: 4, value: BigInt(((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3]), text: parts.join(".") };
  }
  if (!/^[0-9a-f:]+$/i.test(t) || !t.includes(":")) return null;
  const halves = t.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(":") : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(":") : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return null;
  const groups = [...head, ...Array(halves.length === 2 ? missing : 0).fill("0"), ...tail];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return null;
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(parseInt(g, 16));
  return { version: 6, value, text: t.toLowerCase() };
}

/** "a, b/24, c" → CIDRs; throws with a clear message on a bad entry (a typo must not silently trust nobody). */
export function parseTrustedProxies(spec) {
  if (!spec || !spec.trim()) return [];
  return spec.split(",").map((entry) => {
    const [addr, prefixText] = entry.trim().split("/");
    const parsed = parseAddress(addr);
    const max = parsed?.version === 4 ? 32 : 128;
    const prefix = prefixText === undefined ? max : Number(prefixText);
    if (!parsed || !Number.isInteger(prefix) || prefix < 0 || prefix > max) {
      throw new Error(`TRUSTED_PROXIES: "${entry.trim()}" is not an IP address or CIDR range`);
    }
    return { version: parsed.version, bits: parsed.value, prefix };
  });
}

/** True when `address` (text) is inside one of `cidrs`. */
export function isTrusted(address, cidrs) {
  const a = parseAddress(address);
  if (!a) return false;
  return cidrs.some((c) => {
    if (c.version !== a.version) return false;
    const width = a.version === 4 ? 32n : 128n;
    const shift = width - BigInt(c.prefix);
    return a.value >> shift === c.bits >> shift;
  });
}

/**
 * The client's address: the peer itself unless the peer is a trusted proxy; then X-Forwarded-For from the right,
 * skipping trusted hops. Malformed entries stop the walk (the address after them — nearest to us — is the answer).
 * @param {string | null | undefined} peer the TCP peer address
 * @param {string | string[] | null | undefined} forwardedFor the X-Forwarded-For header(s)
 * @param {Cidr[]} trusted
 * @returns {string | null}
 */
export function clientAddress(peer, forwardedFor, trusted) {
  const peerAddr = parseAddress(peer ?? "");
  if (!peerAddr) return null;
  if (!isTrusted(peerAddr.text, trusted)) return peerAddr.text;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  let client = peerAddr.text;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseAddress(hops[i]);
    if (!hop) break;
    client = hop.text;
    if (!isTrusted(hop.text, trusted)) break;
  }
  return client;
}

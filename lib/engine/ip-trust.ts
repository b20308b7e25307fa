/**
 * Whether an IP observation's country can be taken as where the candidate is. Tor exits, privacy relays / CDN
 * egress (iCloud Private Relay, Cloudflare WARP), VPN exits, proxies and hosting / VPS networks carry the country of
 * the exit, relay or server, not of the person: LOC-01 (country mismatch) and LOC-02 (several countries) skip them and
 * say so. Shared by those rules so they cannot disagree about which countries are trusted.
 */
import type { IpObservation } from "./facts";

export type UntrustedCountryReason = "Tor exit" | "privacy relay / CDN egress" | "VPN" | "proxy" | "hosting / VPS";

/** Why this observation's country is not the user's, or null when nothing says it is an exit, relay or server. */
export function untrustedCountryReason(ip: IpObservation): UntrustedCountryReason | null {
  if (ip.isTor === true) return "Tor exit";
  if (ip.isRelay === true) return "privacy relay / CDN egress";
  if (ip.isVpn === true) return "VPN";
  if (ip.isProxy === true) return "proxy";
  if (ip.isHosting === true) return "hosting / VPS";
  return null;
}

/** "Tor exit (DE), hosting / VPS (US ×2)": the skipped observations grouped by reason and country, for evidence. */
export function describeSkipped(skipped: readonly { reason: UntrustedCountryReason; country: string | null }[]): string {
  const counts = new Map<string, number>();
  for (const s of skipped) {
    const key = `${s.reason} (${s.country ?? "country unknown"})`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => (n > 1 ? k.replace(/\)$/, ` ×${n})`) : k)).join(", ");
}

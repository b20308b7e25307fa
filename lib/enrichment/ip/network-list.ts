// Our own curated list of networks whose addresses are usually not a person's home or mobile connection.
//
// Sources: the organisation names in ip-location-db's ASN data (June 2026 npm copy) — each ASN below was checked
// against the name that file gives it — plus the providers' own published ASNs (AWS, Google Cloud, Microsoft Azure,
// Cloudflare WARP, Apple iCloud Private Relay egress partners Akamai / Cloudflare / Fastly) and, for Tor, the
// operators that run mostly Tor exit relays (Tor Project's relay search lists them by AS). It is a heuristic, not
// a Tor-exit or VPN-exit list: big clouds and CDNs also carry corporate VPNs, Private Relay and ordinary browsing.
// Weight it LOW in the engine (indicator LOC-01 is M; a 'relay' class should barely count at all).
//
// Keep entries sorted by class; add a comment for anything non-obvious.

export type NetworkClass = "hosting" | "vpn" | "tor" | "relay";

export interface CuratedNetwork {
  asn: number;
  cls: NetworkClass;
  provider: string;
}

export const CURATED_NETWORKS: readonly CuratedNetwork[] = [
  // Cloud / hosting / VPS / dedicated servers
  { asn: 16509, cls: "hosting", provider: "Amazon Web Services" },
  { asn: 14618, cls: "hosting", provider: "Amazon Web Services" },
  { asn: 8987, cls: "hosting", provider: "Amazon Data Services Ireland" },
  { asn: 396982, cls: "hosting", provider: "Google Cloud" },
  // AS15169 is Google's main AS: Cloud, but also Google services and Googlebot; still not a residential line.
  { asn: 15169, cls: "hosting", provider: "Google" },
  { asn: 8075, cls: "hosting", provider: "Microsoft (Azure)" },
  { asn: 31898, cls: "hosting", provider: "Oracle Cloud" },
  { asn: 45102, cls: "hosting", provider: "Alibaba Cloud" },
  { asn: 37963, cls: "hosting", provider: "Alibaba Cloud (CN)" },
  { asn: 132203, cls: "hosting", provider: "Tencent Cloud" },
  { asn: 45090, cls: "hosting", provider: "Tencent Cloud" },
  { asn: 14061, cls: "hosting", provider: "DigitalOcean" },
  { asn: 16276, cls: "hosting", provider: "OVHcloud" },
  { asn: 24940, cls: "hosting", provider: "Hetzner" },
  { asn: 213230, cls: "hosting", provider: "Hetzner Cloud" },
  { asn: 212317, cls: "hosting", provider: "Hetzner" },
  { asn: 63949, cls: "hosting", provider: "Linode / Akamai Cloud" },
  { asn: 20473, cls: "hosting", provider: "Vultr / Choopa (The Constant Company)" },
  { asn: 9009, cls: "hosting", provider: "M247" },
  { asn: 60781, cls: "hosting", provider: "Leaseweb NL" },
  { asn: 28753, cls: "hosting", provider: "Leaseweb DE" },
  { asn: 16265, cls: "hosting", provider: "Leaseweb" },
  { asn: 30633, cls: "hosting", provider: "Leaseweb USA" },
  { asn: 32613, cls: "hosting", provider: "Leaseweb Canada" },
  { asn: 59253, cls: "hosting", provider: "Leaseweb Asia" },
  { asn: 51167, cls: "hosting", provider: "Contabo" },
  { asn: 12876, cls: "hosting", provider: "Scaleway" },
  { asn: 8560, cls: "hosting", provider: "IONOS" },
  { asn: 47583, cls: "hosting", provider: "Hostinger" },
  { asn: 40676, cls: "hosting", provider: "Psychz Networks" },
  { asn: 8100, cls: "hosting", provider: "QuadraNet" },
  { asn: 36352, cls: "hosting", provider: "HostPapa (ex-ColoCrossing)" },
  { asn: 46844, cls: "hosting", provider: "Sharktech" },
  { asn: 63023, cls: "hosting", provider: "GTHost" },
  { asn: 21859, cls: "hosting", provider: "Zenlayer" },
  { asn: 53667, cls: "hosting", provider: "FranTech / BuyVM" },
  { asn: 11878, cls: "hosting", provider: "tzulo" },
  { asn: 19969, cls: "hosting", provider: "Joe's Datacenter" },
  { asn: 4785, cls: "hosting", provider: "xTom" },
  { asn: 62240, cls: "hosting", provider: "Clouvider" },
  { asn: 202425, cls: "hosting", provider: "IP Volume" },
  { asn: 54825, cls: "hosting", provider: "Equinix Metal (Packet)" },
  { asn: 19318, cls: "hosting", provider: "Interserver" },
  { asn: 29802, cls: "hosting", provider: "HIVELOCITY" },
  { asn: 50673, cls: "hosting", provider: "Serverius" },
  { asn: 22612, cls: "hosting", provider: "Namecheap" },
  { asn: 206264, cls: "hosting", provider: "Amarutu Technology" },
  { asn: 42831, cls: "hosting", provider: "UK Dedicated Servers" },
  // VPN providers' own networks (name checked in the ASN data)
  { asn: 39351, cls: "vpn", provider: "Mullvad (31173 Services AB)" },
  { asn: 49399, cls: "vpn", provider: "Mullvad (31173 Services AB)" },
  { asn: 214813, cls: "vpn", provider: "Mullvad (31173 Services AB)" },
  { asn: 216025, cls: "vpn", provider: "Mullvad VPN AB" },
  { asn: 62371, cls: "vpn", provider: "Proton AG (Proton VPN)" },
  { asn: 209103, cls: "vpn", provider: "Proton AG (Proton VPN)" },
  { asn: 208172, cls: "vpn", provider: "Proton AG (Proton VPN)" },
  { asn: 199218, cls: "vpn", provider: "Proton AG (Proton VPN)" },
  { asn: 207137, cls: "vpn", provider: "PacketHub (NordVPN)" },
  { asn: 136787, cls: "vpn", provider: "PacketHub (NordVPN)" },
  { asn: 141039, cls: "vpn", provider: "PacketHub (NordVPN)" },
  { asn: 147049, cls: "vpn", provider: "PacketHub (NordVPN)" },
  { asn: 272096, cls: "vpn", provider: "PacketHub (NordVPN)" },
  // Datacamp / CDN77 hosts exit servers of several commercial VPNs.
  { asn: 60068, cls: "vpn", provider: "Datacamp (CDN77; many VPN exits)" },
  { asn: 212238, cls: "vpn", provider: "Datacamp (CDN77; many VPN exits)" },
  { asn: 211612, cls: "vpn", provider: "Datacamp (CDN77; many VPN exits)" },
  { asn: 203619, cls: "vpn", provider: "IVPN" },
  { asn: 397540, cls: "vpn", provider: "Windscribe" },
  { asn: 208765, cls: "vpn", provider: "Bullet Proof VPN" },
  { asn: 213163, cls: "vpn", provider: "Free Unlimited VPN" },
  { asn: 62635, cls: "vpn", provider: "VPNWholesaler.com" },
  { asn: 394104, cls: "vpn", provider: "IPLockVPN" },
  { asn: 397282, cls: "vpn", provider: "Castle VPN" },
  // Operators that run mostly Tor exit relays (not every address is an exit; a Tor exit list is the real test).
  { asn: 205100, cls: "tor", provider: "F3 Netze (Tor relays)" },
  { asn: 60729, cls: "tor", provider: "Stiftung Erneuerbare Freiheit (Tor relays)" },
  { asn: 4224, cls: "tor", provider: "The Calyx Institute (Tor relays)" },
  { asn: 208323, cls: "tor", provider: "Foundation for Applied Privacy (Tor relays)" },
  { asn: 396507, cls: "tor", provider: "Emerald Onion (Tor relays)" },
  // Privacy relays used by ordinary consumers: iCloud Private Relay egress (Akamai AS36183, Cloudflare, Fastly)
  // and Cloudflare WARP. Not a VPN in the sense of the advisories: classify as 'relay'.
  { asn: 13335, cls: "relay", provider: "Cloudflare (WARP / iCloud Private Relay)" },
  { asn: 36183, cls: "relay", provider: "Akamai (iCloud Private Relay egress)" },
  { asn: 54113, cls: "relay", provider: "Fastly (iCloud Private Relay egress)" },
];

/**
 * Organisation-name keywords, matched as whole words against the ASN organisation (lower-case). Checked only
 * when the ASN is not in the list above, so "hosting" in a small provider's name still classifies it.
 */
export const ORGANISATION_KEYWORDS: readonly { pattern: RegExp; cls: NetworkClass }[] = [
  { pattern: /\bvpn\b/, cls: "vpn" },
  { pattern: /\b(tor exit|torservers)\b/, cls: "tor" },
  { pattern: /\b(hosting|hoster|host|vps|vds|datacenter|data center|datacentre|data centre|colocation|colo|dedicated servers?|cloud servers?|server(s)? ?hosting|serverius|bulletproof)\b/, cls: "hosting" },
];

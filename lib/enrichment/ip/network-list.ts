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

/**
 * What each class means for the person behind the address, shown with every classification (networkReason). None of
 * these addresses locates the user: the engine never takes their country as "the candidate's country" (LOC-01,
 * LOC-02), and only tor / vpn / hosting count as an anonymised connection; a relay alone does not (it is on by
 * default for many consumers).
 */
export const NETWORK_CLASS_EXPLANATIONS: Readonly<Record<NetworkClass, string>> = {
  tor: "Tor exit: the address is the Tor relay's, so its country says nothing about where the user is",
  relay: "privacy relay / CDN egress (iCloud Private Relay, Cloudflare WARP style): on by default for many consumers; the address is the relay's, so its country is not the user's",
  vpn: "commercial VPN exit: the country is the VPN server's, not the user's",
  hosting: "cloud / VPS / dedicated-server network, not a home or mobile line: whoever connects from it is using a remote machine, VPN or proxy there, so its country is not the user's",
};

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
  // Added for issue 10 (each name checked in the ip-location-db ASN data, June 2026 copy): VPS, dedicated and
  // "bullet-proof" hosts that abuse trackers and hosting-ASN lists name repeatedly, and large clouds missing above.
  { asn: 36351, cls: "hosting", provider: "IBM Cloud (SoftLayer)" },
  { asn: 27357, cls: "hosting", provider: "Rackspace Hosting" },
  { asn: 19994, cls: "hosting", provider: "Rackspace Hosting" },
  { asn: 32244, cls: "hosting", provider: "Liquid Web" },
  { asn: 26496, cls: "hosting", provider: "GoDaddy.com" },
  { asn: 54290, cls: "hosting", provider: "Hostwinds (HostPapa)" },
  { asn: 36007, cls: "hosting", provider: "Kamatera" },
  { asn: 7979, cls: "hosting", provider: "Servers.com" },
  { asn: 59642, cls: "hosting", provider: "Cherry Servers" },
  { asn: 14956, cls: "hosting", provider: "RouterHosting (Cloudzy)" },
  { asn: 136907, cls: "hosting", provider: "Huawei Cloud" },
  { asn: 135377, cls: "hosting", provider: "UCloud" },
  { asn: 138915, cls: "hosting", provider: "Kaopu Cloud" },
  { asn: 200350, cls: "hosting", provider: "Yandex.Cloud" },
  { asn: 49505, cls: "hosting", provider: "Selectel" },
  { asn: 9123, cls: "hosting", provider: "Timeweb" },
  { asn: 198610, cls: "hosting", provider: "Beget" },
  { asn: 197695, cls: "hosting", provider: "REG.RU" },
  { asn: 9370, cls: "hosting", provider: "SAKURA Internet" },
  { asn: 199524, cls: "hosting", provider: "G-Core Labs" },
  { asn: 61317, cls: "hosting", provider: "HIVELOCITY" },
  { asn: 20860, cls: "hosting", provider: "iomart Cloud" },
  { asn: 13213, cls: "hosting", provider: "UK-2" },
  { asn: 25820, cls: "hosting", provider: "IT7 Networks" },
  { asn: 35913, cls: "hosting", provider: "DediPath" },
  { asn: 35916, cls: "hosting", provider: "Multacom" },
  { asn: 18978, cls: "hosting", provider: "Enzu" },
  { asn: 46261, cls: "hosting", provider: "QuickPacket" },
  { asn: 397423, cls: "hosting", provider: "Tier.Net" },
  { asn: 62904, cls: "hosting", provider: "Eonix" },
  { asn: 49981, cls: "hosting", provider: "WorldStream" },
  { asn: 43350, cls: "hosting", provider: "NForce Entertainment" },
  { asn: 50867, cls: "hosting", provider: "HOSTKEY" },
  { asn: 8849, cls: "hosting", provider: "Melbikomas" },
  { asn: 201814, cls: "hosting", provider: "MEVSPACE" },
  { asn: 29066, cls: "hosting", provider: "velia.net" },
  { asn: 30083, cls: "hosting", provider: "velia.net" },
  { asn: 52000, cls: "hosting", provider: "MIRhosting" },
  { asn: 200019, cls: "hosting", provider: "AlexHost" },
  { asn: 58061, cls: "hosting", provider: "Scalaxy" },
  { asn: 209847, cls: "hosting", provider: "WorkTitans" },
  { asn: 60117, cls: "hosting", provider: "Host Sailor" },
  { asn: 207990, cls: "hosting", provider: "HostRoyale" },
  { asn: 395092, cls: "hosting", provider: "Shock Hosting" },
  { asn: 11282, cls: "hosting", provider: "SERVERYOU" },
  { asn: 62563, cls: "hosting", provider: "GlobalTeleHost" },
  { asn: 399629, cls: "hosting", provider: "BL Networks" },
  { asn: 51396, cls: "hosting", provider: "Pfcloud" },
  // Bullet-proof hosting: providers named in abuse reporting for ignoring takedown requests. Still only "hosting" —
  // the class says where the address is, not who used it.
  { asn: 210644, cls: "hosting", provider: "AEZA International (bullet-proof hosting reports)" },
  { asn: 44477, cls: "hosting", provider: "Stark Industries Solutions (bullet-proof hosting reports)" },
  { asn: 198953, cls: "hosting", provider: "Proton66 (bullet-proof hosting reports)" },
  { asn: 57523, cls: "hosting", provider: "Chang Way Technologies (bullet-proof hosting reports)" },
  { asn: 206728, cls: "hosting", provider: "Media Land (bullet-proof hosting reports)" },
  { asn: 200651, cls: "hosting", provider: "FlokiNET (offshore hosting)" },
  { asn: 215730, cls: "hosting", provider: "H2NEXUS (bullet-proof hosting reports)" },
  { asn: 48282, cls: "hosting", provider: "Hosting technology LTD (VDSina)" },
  { asn: 47890, cls: "hosting", provider: "UNMANAGED LTD" },
  { asn: 21100, cls: "hosting", provider: "Green Floid (bullet-proof hosting reports)" },
  { asn: 34665, cls: "hosting", provider: "Petersburg Internet Network (PINDC)" },
  { asn: 215540, cls: "hosting", provider: "Global Connectivity Solutions (bullet-proof hosting reports)" },
  { asn: 136258, cls: "hosting", provider: "BrainStorm Network" },
  { asn: 46562, cls: "hosting", provider: "Performive" },
  { asn: 20278, cls: "hosting", provider: "Nexeon Technologies" },
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
  { asn: 206092, cls: "vpn", provider: "F.N.S. Holdings (IPVanish / Strong VPN exits)" },
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
  { asn: 209242, cls: "relay", provider: "Cloudflare London (WARP egress)" },
  { asn: 394536, cls: "relay", provider: "Cloudflare (WARP / CDN egress)" },
  { asn: 132892, cls: "relay", provider: "Cloudflare (WARP / CDN egress)" },
  { asn: 139242, cls: "relay", provider: "Cloudflare Sydney (WARP / CDN egress)" },
  { asn: 202623, cls: "relay", provider: "Cloudflare (WARP / CDN egress)" },
  // Akamai's CDN ASNs also carry iCloud Private Relay egress (e.g. 172.224.0.0/12 is announced by AS20940).
  { asn: 20940, cls: "relay", provider: "Akamai International (CDN; iCloud Private Relay egress)" },
  { asn: 16625, cls: "relay", provider: "Akamai Technologies (CDN; iCloud Private Relay egress)" },
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

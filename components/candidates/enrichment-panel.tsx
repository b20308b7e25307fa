import { countryName } from "@/lib/countries";
import type { IpEnrichment, ScreeningEnrichment } from "@/lib/schemas/enrichment";

const NETWORK_LABELS: Record<IpEnrichment["networkClass"], string> = {
  hosting: "Hosting / VPS",
  vpn: "VPN",
  tor: "Tor",
  relay: "Privacy relay",
  none: "ISP or other network",
  unknown: "Unknown (no ASN data)",
};

const CONTEXT_LABELS: Record<IpEnrichment["context"], string> = {
  application: "Application",
  interview: "Interview",
  onboarding: "Onboarding",
  work: "Work",
};

const LINE_TYPE_LABELS: Partial<Record<NonNullable<ScreeningEnrichment["phone"]>["lineType"], string>> = {
  mobile: "Mobile",
  fixed_line: "Landline",
  fixed_line_or_mobile: "Landline or mobile",
  voip: "VoIP",
  toll_free: "Toll-free",
  unknown: "Unknown line type",
};

const when = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function place(ip: IpEnrichment): string {
  if (!ip.valid) return "Not an IP address";
  if (ip.private) return "Private range (no location)";
  const parts = [ip.city, ip.region, ip.country ? `${countryName(ip.country)} (${ip.country})` : null].filter(Boolean);
  return parts.length ? parts.join(", ") : "Unknown";
}

function utcOffset(hours: number | null): string {
  if (hours === null) return "unknown";
  const sign = hours < 0 ? "−" : "+";
  const abs = Math.abs(hours);
  const h = Math.floor(abs);
  const m = Math.round((abs - h) * 60);
  return `UTC${sign}${h}${m ? `:${String(m).padStart(2, "0")}` : ""}`;
}

/**
 * What the offline data sources said when the latest screening ran: each IP's location, network and class, and the
 * phone, email and time-zone checks. Unknowns are shown as unknown — a screening without data must not look clean.
 */
export function EnrichmentPanel({ enrichment }: { enrichment: ScreeningEnrichment }) {
  const { ip, phone, email, timeZone } = enrichment;
  return (
    <div className="space-y-4">
      {ip.length ? (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" aria-label="IP addresses">
            <thead className="text-xs uppercase tracking-wide text-slate-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Address</th>
                <th scope="col" className="py-1 pr-3 font-medium">Seen</th>
                <th scope="col" className="py-1 pr-3 font-medium">Location</th>
                <th scope="col" className="py-1 pr-3 font-medium">Network</th>
                <th scope="col" className="py-1 font-medium">Type</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {ip.map((x, i) => (
                <tr key={`${x.ip}-${i}`} data-testid="ip-row">
                  <td className="py-1.5 pr-3 font-mono">{x.ip}</td>
                  <td className="py-1.5 pr-3">
                    {CONTEXT_LABELS[x.context]}
                    {x.at ? <span className="block text-xs text-slate-500">{when.format(new Date(x.at))} UTC</span> : null}
                  </td>
                  <td className="py-1.5 pr-3">
                    {place(x)}
                    {x.registryCountry && x.country && x.registryCountry !== x.country ? (
                      <span className="block text-xs text-slate-500">Registered in {countryName(x.registryCountry)} ({x.registryCountry})</span>
                    ) : null}
                  </td>
                  <td className="py-1.5 pr-3">{x.asn !== null ? `AS${x.asn} ${x.organisation ?? ""}`.trim() : x.valid && !x.private ? "Unknown" : "—"}</td>
                  <td className="py-1.5" title={x.networkReason ?? undefined}>
                    {NETWORK_LABELS[x.networkClass]}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {phone || email || timeZone ? (
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
          {phone ? (
            <div className="contents">
              <dt className="text-slate-500">Phone</dt>
              <dd data-testid="enrichment-phone">
                {phone.valid ? `${LINE_TYPE_LABELS[phone.lineType] ?? phone.lineType.replaceAll("_", " ")}${phone.country ? `, ${countryName(phone.country)} (${phone.country})` : ""}` : "Not a valid number"}
              </dd>
            </div>
          ) : null}
          {email ? (
            <div className="contents">
              <dt className="text-slate-500">Email domain</dt>
              <dd data-testid="enrichment-email">
                {email.domain ?? "Invalid address"}
                {email.disposable ? " — disposable address" : email.freeProvider ? " — free webmail" : ""}
              </dd>
            </div>
          ) : null}
          {timeZone ? (
            <div className="contents">
              <dt className="text-slate-500">Time zone</dt>
              <dd data-testid="enrichment-time-zone">
                {timeZone.claimed ? `Claimed ${timeZone.claimed}` : "Claimed zone unknown"}
                {timeZone.sampleSize > 0
                  ? `; ${timeZone.shareInClaimedWorkHours === null ? "" : `${Math.round(timeZone.shareInClaimedWorkHours * 100)}% of ${timeZone.sampleSize} activity times in its working hours; `}activity fits ${utcOffset(timeZone.bestFitUtcOffsetHours)} best`
                  : ""}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
    </div>
  );
}

import "server-only";
import { configureIpData, getIpDataStatus, preloadIpData, type IpDataStatus } from "@/lib/enrichment/ip";
import { getEnv } from "../env";

// Per process, not per bundle (Next compiles instrumentation and routes separately; see lib/enrichment/ip).
const FLAGS_KEY = Symbol.for("hiring-risk-screen.enrichment-data");
const flags = ((globalThis as { [FLAGS_KEY]?: { configured: boolean; loaded: boolean } })[FLAGS_KEY] ??= { configured: false, loaded: false });

/** Points IP lookups at user-supplied data files when the environment names them (the npm copies age). Once. */
export function configureEnrichmentData(): void {
  if (flags.configured) return;
  flags.configured = true;
  const env = getEnv();
  const list = (v: string | undefined) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : undefined);
  if (env.IP_CITY_MMDB || env.IP_CITY_MMDB_V6 || env.IP_COUNTRY_MMDB || env.IP_ASN_CSV || env.IP_ASN_CSV_V6) {
    configureIpData({
      cityMmdbV4: env.IP_CITY_MMDB,
      cityMmdbV6: env.IP_CITY_MMDB_V6,
      countryMmdb: env.IP_COUNTRY_MMDB,
      asnCsv: list(env.IP_ASN_CSV),
      asnCsvV6: list(env.IP_ASN_CSV_V6),
    });
  }
}

/**
 * Loads every enrichment data file now and says what was read. A source that failed is logged loudly (once per
 * process) and makes the health check answer 503: screening without IP data would quietly score every IP as
 * unknown, which is how LOC-01 and LOC-02 went dead in production before (issue 9). Called when a server or worker starts
 * and by the health check; cheap after the first call. `info` takes the success line (the CLI keeps stdout for its JSON).
 */
export function loadEnrichmentData({ info = console.log }: { info?: (line: string) => void } = {}): IpDataStatus {
  if (flags.loaded) return getIpDataStatus();
  configureEnrichmentData();
  const loaded = preloadIpData();
  flags.loaded = true;
  const failed = loaded.report.filter((r) => !r.loaded);
  if (failed.length) {
    console.error(
      `[enrichment] ${failed.length} IP data source(s) could not be loaded; IP location and network checks (LOC-01, LOC-02) will not work:\n` +
        failed.map((r) => `  - ${r.label}: ${r.error ?? "not loaded"}`).join("\n"),
    );
  } else {
    info(`[enrichment] IP data loaded: ${loaded.report.map((r) => `${r.label} ${r.packageVersion ?? r.dataDate ?? ""}`.trim()).join(", ")}`);
  }
  return loaded;
}

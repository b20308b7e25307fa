import "server-only";
import { z } from "zod";
import { STAGES, type Stage } from "@/lib/schemas/candidate";
import { countryField, emailField, phoneField } from "@/lib/schemas/common";
import { IMPORT_FIELDS, type ImportFieldKey, type ImportMapping } from "@/lib/schemas/import";
import { candidateSubmissionSchema, type CandidateSubmission } from "@/lib/schemas/profile";
import { hasUnsafeText, NUL_SYMBOL } from "@/lib/schemas/text-safety";
import { parseIp } from "@/lib/enrichment/ip/ip-address";

export type ImportRowIssue = { field: string; message: string };
export type MappedImportRow = { ok: true; submission: CandidateSubmission } | { ok: false; issues: ImportRowIssue[] };

const CHANNELS = {
  direct: "direct",
  jobboard: "job_board",
  referral: "referral",
  employeereferral: "referral",
  staffingagency: "staffing_agency",
  agency: "staffing_agency",
  freelanceplatform: "freelance_platform",
  freelance: "freelance_platform",
  marketplace: "freelance_platform",
} as const;

// Where candidateSubmissionSchema reports a problem → the field (and so the CSV column) it came from.
const PATH_FIELDS: Record<string, ImportFieldKey> = {
  externalId: "externalId",
  "profile.candidate.legalName": "legalName",
  "profile.candidate.email": "email",
  "profile.candidate.phone": "phone",
  "profile.candidate.claimedLocation.city": "city",
  "profile.candidate.claimedLocation.region": "region",
  "profile.candidate.claimedLocation.country": "country",
  stage: "stage",
  "profile.workHistory.0.employerName": "employer",
  "profile.sourcing.channel": "sourcingChannel",
  "profile.sourcing.agency.name": "agencyName",
  "profile.observations.ips.0.ip": "appliedFromIp",
  "profile.observations.deviceFingerprints.0": "deviceFingerprint",
  "profile.onboarding.equipment.shipTo.line1": "shipToLine1",
  "profile.onboarding.equipment.shipTo.city": "shipToCity",
  "profile.onboarding.equipment.shipTo.region": "shipToRegion",
  "profile.onboarding.equipment.shipTo.postalCode": "shipToPostalCode",
  "profile.onboarding.equipment.shipTo.country": "shipToCountry",
  "profile.onboarding.payment.payeeName": "payeeName",
  "profile.onboarding.payment.accountCountry": "payoutAccountCountry",
  "profile.onboarding.equipment.shipToReason": "shipToReason",
};

const LABELS = Object.fromEntries(IMPORT_FIELDS.map((f) => [f.key, f.label])) as Record<ImportFieldKey, string>;

/**
 * One CSV row → a candidate submission, validated the way every submit is: cell checks the form also makes (email,
 * phone, ISO country codes, IPs, the stage and channel vocabularies) and then `candidateSubmissionSchema` itself.
 * Issues name the CSV column, so the errors file points at the cell to fix.
 */
export function mapImportRow(values: Record<string, string>, mapping: ImportMapping): MappedImportRow {
  const issues: ImportRowIssue[] = [];
  const columnOf = (field: ImportFieldKey) => mapping[field] ?? LABELS[field];
  // A NUL character (stored as ␀ when the file was uploaded) or invalid Unicode in a cell this import reads: the row
  // is refused with the column named, the others go on.
  for (const [field, column] of Object.entries(mapping) as [ImportFieldKey, string][]) {
    const v = values[column];
    if (v && (v.includes(NUL_SYMBOL) || hasUnsafeText(v))) {
      issues.push({ field: column, message: `${LABELS[field] ?? column} contains a NUL character (shown as ${NUL_SYMBOL}) or invalid text; remove it and import the row again` });
    }
  }
  if (issues.length) return { ok: false, issues };
  const cell = (field: ImportFieldKey): string | undefined => {
    const column = mapping[field];
    const v = column ? values[column]?.trim() : undefined;
    return v ? v : undefined;
  };
  const check = <T>(field: ImportFieldKey, schema: z.ZodType<T>, value: string | undefined): T | undefined => {
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    issues.push({ field: columnOf(field), message: parsed.error.issues[0]?.message ?? "Invalid value" });
    return undefined;
  };

  const legalName = cell("legalName");
  if (!legalName) issues.push({ field: columnOf("legalName"), message: "Legal name is required" });
  const email = check("email", emailField, cell("email") ?? "");
  const phone = check("phone", phoneField, cell("phone"));
  const country = check("country", countryField, cell("country"));
  const shipToCountry = check("shipToCountry", countryField, cell("shipToCountry"));
  const accountCountry = check("payoutAccountCountry", countryField, cell("payoutAccountCountry"));
  const shipToReason = cell("shipToReason");
  if (shipToReason && shipToReason.length > 1000) issues.push({ field: columnOf("shipToReason"), message: "Keep the reason under 1,000 characters" });

  let stage: Stage = "APPLICATION";
  const rawStage = cell("stage");
  if (rawStage) {
    const s = rawStage.toUpperCase().replace(/[\s-]+/g, "_");
    if ((STAGES as readonly string[]).includes(s)) stage = s as Stage;
    else issues.push({ field: columnOf("stage"), message: `Unknown stage "${rawStage}"; use one of ${STAGES.join(", ").toLowerCase()}` });
  }

  let channel: (typeof CHANNELS)[keyof typeof CHANNELS] | undefined;
  const rawChannel = cell("sourcingChannel");
  if (rawChannel) {
    channel = CHANNELS[rawChannel.toLowerCase().replace(/[^a-z]/g, "") as keyof typeof CHANNELS];
    if (!channel) issues.push({ field: columnOf("sourcingChannel"), message: `Unknown sourcing channel "${rawChannel}"; use direct, job board, referral, staffing agency or freelance platform` });
  }

  const ip = cell("appliedFromIp");
  if (ip && parseIp(ip) === null) issues.push({ field: columnOf("appliedFromIp"), message: "Enter an IPv4 or IPv6 address" });
  const workLogins = parseWorkLogins(cell("workLoginIps"), (message) => issues.push({ field: columnOf("workLoginIps"), message }));
  if (issues.length) return { ok: false, issues };

  const location = compact({ city: cell("city"), region: cell("region"), country });
  const shipTo = compact({ line1: cell("shipToLine1"), city: cell("shipToCity"), region: cell("shipToRegion"), postalCode: cell("shipToPostalCode"), country: shipToCountry });
  const employer = cell("employer");
  const agencyName = cell("agencyName");
  const fingerprint = cell("deviceFingerprint");
  const payeeName = cell("payeeName");
  const observations = compact({
    ips: ip || workLogins.length ? [...(ip ? [{ ip, context: "application" as const }] : []), ...workLogins] : undefined,
    deviceFingerprints: fingerprint ? [fingerprint] : undefined,
  });
  const equipment = compact({ shipTo, shipToReason });
  const payment = compact({ payeeName, accountCountry });
  const onboarding = compact({ equipment, payment });
  const submission = {
    externalId: cell("externalId"),
    stage,
    profile: compact({
      candidate: compact({ legalName, email, phone, claimedLocation: location }),
      workHistory: employer ? [{ employerName: employer, current: true }] : undefined,
      sourcing: compact({ channel, agency: agencyName ? { name: agencyName } : undefined }),
      observations,
      onboarding,
    }) ?? {},
  };

  const parsed = candidateSubmissionSchema.safeParse(submission);
  if (parsed.success) return { ok: true, submission: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => {
      const path = issue.path.join(".");
      const field = PATH_FIELDS[path];
      return { field: field ? columnOf(field) : path, message: issue.message };
    }),
  };
}

const instantField = z.iso.datetime({ offset: true });

/**
 * The post-hire logins cell: entries separated by ";" (or new lines), each an address optionally followed by when the
 * session started (ISO time with a zone), as the onboarding form takes them. Each bad entry is reported by number.
 */
function parseWorkLogins(value: string | undefined, report: (message: string) => void): { ip: string; context: "work"; at?: string }[] {
  if (!value) return [];
  const out: { ip: string; context: "work"; at?: string }[] = [];
  value
    .split(/[;\n]+/)
    .map((e) => e.trim())
    .filter(Boolean)
    .forEach((entry, i) => {
      const [address, ...rest] = entry.split(/[\s,]+/);
      const at = rest.join(" ").trim();
      if (parseIp(address) === null) return report(`Entry ${i + 1}: "${address.slice(0, 64)}" is not an IPv4 or IPv6 address`);
      if (at && !instantField.safeParse(at).success) return report(`Entry ${i + 1}: "${at.slice(0, 64)}" is not an ISO time with a zone (e.g. 2026-11-03T14:00:00Z)`);
      out.push(at ? { ip: address, context: "work", at } : { ip: address, context: "work" });
    });
  return out;
}

/** Drops undefined keys; an object left empty becomes undefined (unknown, not "empty"). */
function compact<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } | undefined {
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as { [K in keyof T]?: Exclude<T[K], undefined> }) : undefined;
}

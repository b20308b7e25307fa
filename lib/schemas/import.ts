import { z } from "zod";
import { MAX_IMPORT_FILE_BYTES } from "./upload-limits";

export { MAX_IMPORT_FILE_BYTES };
/** Rows shown in the mapping preview. */
export const IMPORT_PREVIEW_ROWS = 5;

/**
 * The candidate fields a CSV column can fill. `guesses` are normalised header names (lower case, letters and digits
 * only) that pre-select a column in the mapping step; the user can change every choice.
 */
export const IMPORT_FIELDS = [
  { key: "externalId", label: "External id (ATS)", group: "Identity", guesses: ["externalid", "id", "candidateid", "applicantid", "atsid", "atscandidateid"] },
  { key: "legalName", label: "Legal name", group: "Identity", required: true, guesses: ["legalname", "name", "fullname", "candidatename", "candidate", "applicantname"] },
  { key: "email", label: "Email", group: "Identity", required: true, guesses: ["email", "emailaddress", "mail", "candidateemail"] },
  { key: "phone", label: "Phone", group: "Identity", guesses: ["phone", "phonenumber", "mobile", "telephone", "tel", "mobilephone"] },
  { key: "city", label: "Claimed city", group: "Claimed location", guesses: ["city", "claimedcity", "locationcity"] },
  { key: "region", label: "Claimed state / region", group: "Claimed location", guesses: ["region", "state", "province", "claimedregion", "stateregion"] },
  { key: "country", label: "Claimed country (ISO code)", group: "Claimed location", guesses: ["country", "countrycode", "claimedcountry", "locationcountry"] },
  { key: "stage", label: "Stage", group: "Pipeline", guesses: ["stage", "pipelinestage", "hiringstage", "status"] },
  { key: "employer", label: "Current employer", group: "Application", guesses: ["employer", "currentemployer", "company", "lastemployer", "currentcompany"] },
  { key: "sourcingChannel", label: "Sourcing channel", group: "Application", guesses: ["sourcingchannel", "source", "channel", "sourcechannel"] },
  { key: "agencyName", label: "Agency name", group: "Application", guesses: ["agency", "agencyname", "staffingagency", "vendor"] },
  { key: "appliedFromIp", label: "Applied-from IP", group: "Application", guesses: ["appliedfromip", "applicationip", "ip", "ipaddress", "sourceip"] },
  { key: "deviceFingerprint", label: "Device fingerprint", group: "Application", guesses: ["devicefingerprint", "fingerprint", "deviceid"] },
  { key: "shipToLine1", label: "Ship-to address line 1", group: "Onboarding", guesses: ["shiptoline1", "shiptoaddress", "shippingaddress", "shiptoaddressline1", "shippingline1"] },
  { key: "shipToCity", label: "Ship-to city", group: "Onboarding", guesses: ["shiptocity", "shippingcity"] },
  { key: "shipToRegion", label: "Ship-to state / region", group: "Onboarding", guesses: ["shiptoregion", "shiptostate", "shippingstate", "shippingregion"] },
  { key: "shipToPostalCode", label: "Ship-to postal code", group: "Onboarding", guesses: ["shiptopostalcode", "shiptopostal", "shiptozip", "shippingzip", "shippingpostalcode"] },
  { key: "shipToCountry", label: "Ship-to country (ISO code)", group: "Onboarding", guesses: ["shiptocountry", "shippingcountry"] },
  { key: "payeeName", label: "Payee name", group: "Onboarding", guesses: ["payeename", "payee", "paymentname"] },
  { key: "payoutAccountCountry", label: "Payout account country (ISO code)", group: "Onboarding", guesses: ["payoutaccountcountry", "bankaccountcountry", "bankcountry", "accountcountry", "payeebankcountry"] },
  { key: "shipToReason", label: "Reason for the ship-to address", group: "Onboarding", guesses: ["shiptoreason", "shippingreason", "reasonforshipto", "shiptoaddressreason"] },
  // Several per cell: "203.0.113.7 2026-11-03T14:00:00Z; 198.51.100.2" (an address, optionally when the session started).
  { key: "workLoginIps", label: "Post-hire login IPs (work sessions)", group: "After hire", guesses: ["workloginips", "posthireloginips", "loginips", "workips", "sessionips", "posthireips"] },
] as const satisfies readonly { key: string; label: string; group: string; required?: boolean; guesses: readonly string[] }[];

export type ImportFieldKey = (typeof IMPORT_FIELDS)[number]["key"];
export const IMPORT_FIELD_KEYS = IMPORT_FIELDS.map((f) => f.key) as [ImportFieldKey, ...ImportFieldKey[]];

/** Target field → the CSV column that fills it (absent = not imported). */
export type ImportMapping = Partial<Record<ImportFieldKey, string>>;

export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/**
 * Pre-fills the mapping from the header names: each field takes the first column whose normalised name is one of its
 * guesses (earlier guesses win), and a column is used for one field only.
 */
export function guessImportMapping(columns: readonly string[]): ImportMapping {
  const normalised = columns.map(normaliseHeader);
  const used = new Set<number>();
  const mapping: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    for (const guess of field.guesses) {
      const index = normalised.findIndex((n, i) => n === guess && !used.has(i));
      if (index >= 0) {
        mapping[field.key] = columns[index];
        used.add(index);
        break;
      }
    }
  }
  return mapping;
}

/** The mapping step's form: one select per field (`map.<field>`), each naming a column of the file or nothing. */
export function importMappingSchema(columns: readonly string[]) {
  const column = z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || columns.includes(v), { error: "Choose a column of the file" });
  const shape = Object.fromEntries(IMPORT_FIELD_KEYS.map((k) => [k, column])) as Record<ImportFieldKey, typeof column>;
  return z
    .strictObject(shape)
    .superRefine((mapping, ctx) => {
      for (const field of IMPORT_FIELDS) {
        if ("required" in field && field.required && !mapping[field.key]) {
          ctx.addIssue({ code: "custom", path: [field.key], message: `Choose the column that holds the ${field.label.toLowerCase()}` });
        }
      }
      const chosen = Object.values(mapping).filter(Boolean);
      if (new Set(chosen).size !== chosen.length) ctx.addIssue({ code: "custom", path: ["_form"], message: "Each column can fill one field only" });
    })
    .transform((m): ImportMapping => Object.fromEntries(Object.entries(m).filter(([, v]) => v)));
}

/** A mapping as stored on the job (columns already checked when it was chosen). */
export const storedImportMappingSchema = z.partialRecord(z.enum(IMPORT_FIELD_KEYS), z.string());

/** The "Validate and import" action's input: `jobId` plus `map.<field>` selects. */
export const importStartFormSchema = z.looseObject({ jobId: z.uuid({ error: "Invalid import" }) });

export const importJobIdSchema = z.uuid({ error: "Invalid import" });

/** The upload step (POST /api/imports): one CSV file. The route has already refused a larger one while reading it. */
export const importUploadSchema = z.object({
  file: z
    .instanceof(File, { error: "Choose a CSV file" })
    .refine((f) => f.size > 0, { error: "The file is empty" })
    .refine((f) => f.size <= MAX_IMPORT_FILE_BYTES, { error: "The file is larger than 20 MB" })
    .refine((f) => /\.(csv|txt)$/i.test(f.name) || /csv|text\/plain/.test(f.type), { error: "Choose a .csv file" }),
});

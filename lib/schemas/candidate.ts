import { z } from "zod";
import { countryField, emailField, idempotencyKeyField, optionalText, phoneField, requiredText } from "./common";
import { hasUnsafeText, UNSAFE_TEXT_MESSAGE } from "./text-safety";
import { isUuid } from "./uuid";

export const STAGES = ["APPLICATION", "INTERVIEW", "OFFER", "ONBOARDING", "HIRED", "WITHDRAWN"] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Record<Stage, string> = {
  APPLICATION: "Application",
  INTERVIEW: "Interview",
  OFFER: "Offer",
  ONBOARDING: "Onboarding",
  HIRED: "Hired",
  WITHDRAWN: "Withdrawn",
};

/** The first slice of intake: identity, contact and claimed work location. No protected attribute is asked. */
export const candidateCreateSchema = z.strictObject({
  fullName: requiredText(200, "Full name"),
  email: emailField,
  phone: phoneField,
  claimedCity: optionalText(120, "City"),
  claimedRegion: optionalText(120, "Region"),
  claimedCountry: countryField,
});
export type CandidateCreateInput = z.infer<typeof candidateCreateSchema>;

export const candidateCreateFormSchema = candidateCreateSchema.extend({ idempotencyKey: idempotencyKeyField });

export const CANDIDATE_SORTS = ["newest", "oldest", "risk"] as const;
export const BAND_VALUES = ["CLEAR", "LOW", "ELEVATED", "HIGH", "CRITICAL"] as const;

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);

// ── The list's keyset cursor ───────────────────────────────────────────────────────────────────────────────
// The cursor carries the sort key of the last row shown (created_at, id, score; unscreened rows sort as score -1),
// base64url-encoded. It is decoded here, at the boundary, so a damaged link is a field error — never a database cast.

export type CandidateListCursor = { createdAt: Date; id: string; score: number };

export function encodeCandidateCursor(item: { createdAt: Date; id: string; latestScore?: number | null }): string {
  // The text is ASCII (an ISO instant, a UUID, an integer), so btoa is exact; base64url keeps it URL-safe.
  return btoa(`${item.createdAt.toISOString()}|${item.id}|${item.latestScore ?? -1}`).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The cursor's fields, or null when it is not one this app wrote. */
export function decodeCandidateCursor(cursor: string): CandidateListCursor | null {
  let text: string;
  try {
    text = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
  } catch {
    return null;
  }
  const [at, id, score, ...rest] = text.split("|");
  if (rest.length || !at || !id || !score) return null;
  const createdAt = new Date(at);
  const s = Number(score);
  if (!/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/.test(at) || Number.isNaN(createdAt.getTime()) || !isUuid(id) || !/^-?\d{1,4}$/.test(score) || !Number.isInteger(s)) return null;
  return { createdAt, id, score: s };
}

/** A "from"/"to" day of the list filter: a real calendar day PostgreSQL can store (the "to" day's end included). */
const listDay = z.iso
  .date({ error: "Enter a date as YYYY-MM-DD" })
  .refine((v) => v >= "1900-01-01" && v <= "9998-12-31", { error: "Choose a date between 1900 and 9998" });

/** List filters as they arrive in the URL; anything malformed is a validation error, never a 500. */
export const candidateListQuerySchema = z.object({
  q: z.preprocess(emptyToUndefined, z.string().trim().max(200).refine((v) => !hasUnsafeText(v), { error: UNSAFE_TEXT_MESSAGE }).optional()),
  band: z.preprocess(emptyToUndefined, z.enum(BAND_VALUES).optional()),
  stage: z.preprocess(emptyToUndefined, z.enum(STAGES).optional()),
  indicator: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Z]{2,3}-\d{2}$/, "Unknown indicator").optional()),
  from: z.preprocess(emptyToUndefined, listDay.optional()),
  to: z.preprocess(emptyToUndefined, listDay.optional()),
  sort: z.preprocess(emptyToUndefined, z.enum(CANDIDATE_SORTS).default("newest")),
  cursor: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(300)
      .refine((v) => decodeCandidateCursor(v) !== null, { error: "That page link is invalid. Start again from the first page." })
      .optional(),
  ),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(100).default(25)),
});
export type CandidateListQuery = z.infer<typeof candidateListQuerySchema>;

/** The list's URL parameters (the export takes the same, without cursor and limit). */
export const CANDIDATE_LIST_PARAMS = ["q", "band", "stage", "indicator", "from", "to", "sort", "cursor", "limit"] as const satisfies readonly (keyof CandidateListQuery)[];

/**
 * The list query from URL parameters, keeping every valid parameter: an invalid one is dropped (and named in
 * `invalid`, with its message) instead of discarding the whole query, so a damaged page link still shows the
 * filtered list from its first page.
 */
export function parseCandidateListQuery(get: (name: string) => string | undefined): { query: CandidateListQuery; invalid: Record<string, string[]> } {
  const raw: Record<string, string | undefined> = Object.fromEntries(CANDIDATE_LIST_PARAMS.map((k) => [k, get(k)]));
  const invalid: Record<string, string[]> = {};
  for (let attempt = 0; attempt <= CANDIDATE_LIST_PARAMS.length; attempt++) {
    const parsed = candidateListQuerySchema.safeParse(raw);
    if (parsed.success) return { query: parsed.data, invalid };
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? "");
      (invalid[key] ??= []).push(issue.message);
      delete raw[key];
    }
  }
  return { query: candidateListQuerySchema.parse({}), invalid };
}

/** The list's filters and sort as URL parameters (defaults and the page left out), for links to the list and exports. */
export function candidateListParams(query: Partial<CandidateListQuery>): URLSearchParams {
  const entries = Object.entries({
    q: query.q,
    band: query.band,
    stage: query.stage,
    indicator: query.indicator,
    from: query.from,
    to: query.to,
    sort: query.sort === "newest" ? undefined : query.sort,
  });
  return new URLSearchParams(entries.filter((e): e is [string, string] => Boolean(e[1])));
}

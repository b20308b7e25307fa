import { z } from "zod";
import { isCountryCode } from "@/lib/countries";

/** Optional free text from a form: trimmed; an empty field means "not given". */
export function optionalText(max: number, label = "This field") {
  return z
    .string()
    .trim()
    .max(max, `${label} must be at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : undefined));
}

export function requiredText(max: number, label: string) {
  return z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
}

export const emailField = z
  .string({ error: "Email is required" })
  .trim()
  .min(1, "Email is required")
  .max(254, "Email must be at most 254 characters")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.com" }))
  .transform((v) => v.toLowerCase());

/** Phone as typed; enrichment parses it. Checked only for plausible characters and length here. */
export const phoneField = z
  .string()
  .trim()
  .max(40, "Phone must be at most 40 characters")
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || (/^[+()\d\s.\-/]+$/.test(v) && (v.match(/\d/g)?.length ?? 0) >= 6), {
    error: "Enter a phone number with digits, e.g. +1 415 555 0100",
  });

export const countryField = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.toUpperCase() : undefined))
  .refine((v) => v === undefined || isCountryCode(v), { error: "Choose a country from the list" });

export const idempotencyKeyField = z.uuid({ error: "The form is out of date; reload the page and try again" });

export const uuidField = z.uuid({ error: "Invalid id" });

/** The version of the record a form edits (its `updatedAt` when the form was rendered), for optimistic concurrency. */
export const versionField = z.iso.datetime({ offset: true, error: "The form is out of date; reload the page and try again" });

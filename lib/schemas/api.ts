import { z } from "zod";
import { BANDS, CATEGORIES, SEVERITIES } from "@/lib/engine";
import { ROLES } from "@/lib/permissions";
import { STAGES } from "./candidate";
import { requiredText, uuidField } from "./common";
import { screeningEnrichmentSchema } from "./enrichment";
import { candidateSubmissionSchema, storedProfileSchema } from "./profile";

/**
 * The public API's contract: request headers, response bodies and the OpenAPI document built from them. The route
 * handlers parse every response through these schemas (which also strips internal fields such as `points`), and the
 * OpenAPI document is generated from the same objects, so the two cannot drift apart.
 */

// ── API keys (admin form, CLI) ─────────────────────────────────────────────────────────────────────────────
export const API_KEY_PATTERN = /^hrs_[0-9A-Za-z]{32}$/;

/** How long a new key lives: keys that never expire are allowed, but not the default. */
export const API_KEY_EXPIRY_CHOICES = ["30", "90", "365", "never"] as const;

export const apiKeyCreateSchema = z.strictObject({
  name: requiredText(100, "Name"),
  role: z.enum(ROLES, { error: "Choose a role" }).default("RECRUITER"),
  expiresInDays: z.enum(API_KEY_EXPIRY_CHOICES, { error: "Choose when the key expires" }).default("365"),
});
export type ApiKeyCreateInput = z.infer<typeof apiKeyCreateSchema>;

export const apiKeyRevokeSchema = z.strictObject({ keyId: uuidField });

// ── Requests ───────────────────────────────────────────────────────────────────────────────────────────────
export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
export const IDEMPOTENT_REPLAYED_HEADER = "Idempotent-Replayed";

export const idempotencyKeyHeaderSchema = z
  .string()
  .trim()
  .min(1, "The Idempotency-Key header must not be empty")
  .max(200, "The Idempotency-Key header must be at most 200 characters");

// ── Responses ──────────────────────────────────────────────────────────────────────────────────────────────
const isoInstant = z.iso.datetime({ offset: true });

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum([
        "UNAUTHENTICATED",
        "FORBIDDEN",
        "NOT_FOUND",
        "VALIDATION",
        "CONFLICT",
        "RATE_LIMITED",
        "UNAVAILABLE",
        "PAYLOAD_TOO_LARGE",
        "UNSUPPORTED_MEDIA_TYPE",
        "UNPROCESSABLE",
        "INTERNAL",
      ]),
      message: z.string(),
      /** Keyed by the dotted path of the field, e.g. `profile.candidate.email`. */
      fieldErrors: z.record(z.string(), z.array(z.string())).optional(),
    }),
  })
  .meta({ description: "Every error response." });

const apiEvidenceSchema = z.object({
  label: z.string(),
  value: z.string(),
  /** Context shown beside the finding (e.g. the candidate's stated reason), not part of it. */
  context: z.literal(true).optional(),
});

/**
 * A rule whose condition was met but which did not count: an innocent path in the rule itself (accommodation,
 * documented name change), or an explanation a security analyst or admin accepted — then `explanation` says who
 * explained it, who accepted it, when and why.
 */
export const apiSuppressionSchema = z.object({
  ruleId: z.string(),
  indicatorIds: z.array(z.string()),
  title: z.string(),
  reason: z.string(),
  evidence: z.array(apiEvidenceSchema),
  explanation: z
    .object({
      id: z.uuid(),
      explanation: z.string(),
      reference: z.string().nullable(),
      explainedBy: z.string(),
      explainedAt: isoInstant,
      acceptedBy: z.string(),
      acceptedAt: isoInstant,
      /** Why the reviewer accepted it. */
      note: z.string(),
    })
    .optional(),
});

export const apiHitSchema = z.object({
  ruleId: z.string(),
  indicatorIds: z.array(z.string()),
  category: z.enum(CATEGORIES),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  summary: z.string(),
  evidence: z.array(apiEvidenceSchema),
  /** Integer share of the score; the contributions of all hits sum to the score. */
  contribution: z.number().int(),
  /** Scheme-specific (may lift a candidate on its own) rather than a common, explainable fact (ADR 0008). */
  specific: z.boolean().optional(),
  source: z.array(z.string()),
  verificationStep: z.object({ id: z.string(), text: z.string() }),
});
export type ApiHit = z.infer<typeof apiHitSchema>;

export const apiVerificationStepSchema = z.object({
  id: z.string(),
  text: z.string(),
  severity: z.enum(SEVERITIES),
  ruleIds: z.array(z.string()),
});

export const apiAssessmentSchema = z.object({
  score: z.number().int().min(0).max(100),
  band: z.enum(BANDS),
  hits: z.array(apiHitSchema),
  /** Rules that did not count, with why (never silently dropped). */
  suppressed: z.array(apiSuppressionSchema),
  verificationSteps: z.array(apiVerificationStepSchema),
  /** How corroboration shaped the score (engine-2 rulesets; null for engine-1 rulesets or no hits). */
  corroboration: z
    .object({
      base: z.number(),
      signals: z.number().int(),
      categories: z.number().int(),
      multiplier: z.number(),
      capped: z.boolean(),
      specific: z.boolean(),
    })
    .nullable()
    .optional(),
  rulesetVersion: z.union([z.number().int(), z.string()]),
  engineVersion: z.string(),
});

export const apiSubmitResponseSchema = z.object({
  candidateId: z.uuid(),
  screeningId: z.uuid(),
  /** true: a new candidate (HTTP 201); false: an existing one found by externalId was updated (HTTP 200). */
  created: z.boolean(),
  assessment: apiAssessmentSchema,
  /** What the enrichment sources said about this profile (IP location and network, phone, email, time zone). */
  enrichment: screeningEnrichmentSchema.nullable(),
});
export type ApiSubmitResponse = z.infer<typeof apiSubmitResponseSchema>;

export const apiCandidateSchema = z.object({
  id: z.uuid(),
  externalId: z.string().nullable(),
  fullName: z.string(),
  email: z.string(),
  stage: z.enum(STAGES),
  latestScore: z.number().int().nullable(),
  latestBand: z.enum(BANDS).nullable(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  /** As stored: bank-account and ID numbers only as keyed hashes and their last four digits. */
  profile: storedProfileSchema,
});

export const apiCandidateResponseSchema = z.object({ candidate: apiCandidateSchema });

export const apiScreeningSchema = z.object({
  id: z.uuid(),
  createdAt: isoInstant,
  stage: z.enum(STAGES),
  score: z.number().int(),
  band: z.enum(BANDS),
  hits: z.array(apiHitSchema),
  /** Rules that did not count, with why: an innocent path, or an accepted explanation (who, when, why). */
  suppressed: z.array(apiSuppressionSchema),
  rulesetVersion: z.union([z.number().int(), z.string()]),
  engineVersion: z.string(),
  /** What caused the run: form, api, csv, cli, verification, rescreen, explanation (an explanation was accepted). */
  trigger: z.string(),
  /** What the enrichment sources said when this screening ran; null for screenings recorded before it was kept. */
  enrichment: screeningEnrichmentSchema.nullable(),
});

export const apiScreeningListResponseSchema = z.object({ screenings: z.array(apiScreeningSchema) });

export const apiUserListResponseSchema = z.object({
  users: z.array(
    z.object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      role: z.enum(ROLES),
      disabled: z.boolean(),
      lastSignInAt: isoInstant.nullable(),
      createdAt: isoInstant,
    }),
  ),
});

// ── OpenAPI ────────────────────────────────────────────────────────────────────────────────────────────────
type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  // OpenAPI 3.1 schema objects are JSON Schema 2020-12; nested objects are inlined so no `$defs` need resolving.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, reused: "inline", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ "application/json": { schema } });
const errorResponse = (description: string) => ({ description, content: json(ref("Error")) });

const idParameter = { name: "id", in: "path", required: true, description: "The candidate's id.", schema: { type: "string", format: "uuid" } };

/** The OpenAPI 3.1 document for the API, built from the zod schemas the handlers use. */
export function buildOpenApiDocument(options: { serverUrl?: string } = {}) {
  const secured = [{ apiKey: [] }, { session: [] }];
  const common = {
    "401": errorResponse("No credentials, or an invalid or revoked API key."),
    "403": errorResponse("The key's role (or the user's) lacks the permission."),
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Hiring Risk Screen API",
      version: "1.0.0",
      description:
        "Screen job candidates for indicators of North Korean remote IT workers using stolen or borrowed identities. " +
        "A score is decision support for a human reviewer, never a verdict. Authenticate with an API key created by an " +
        "administrator: `Authorization: Bearer hrs_…`.",
    },
    ...(options.serverUrl ? { servers: [{ url: options.serverUrl }] } : {}),
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    security: secured,
    paths: {
      "/api/v1/candidates": {
        post: {
          operationId: "submitCandidate",
          summary: "Screen a candidate (create, or update by externalId)",
          description:
            "Creates a candidate and screens it, or — when `externalId` matches an existing candidate — merges the new " +
            "evidence into its profile and screens it again. Every call writes an immutable screening.",
          parameters: [
            {
              name: IDEMPOTENCY_KEY_HEADER,
              in: "header",
              required: false,
              description:
                "Up to 200 characters. A retry with the same key and the same request changes nothing and returns the first result (with `Idempotent-Replayed: true`); the same key with a different request is refused with 422.",
              schema: { type: "string", minLength: 1, maxLength: 200 },
            },
          ],
          requestBody: { required: true, content: json(ref("CandidateSubmission")) },
          responses: {
            "201": { description: "A new candidate was created and screened.", content: json(ref("SubmitResponse")) },
            "200": {
              description: "An existing candidate (same externalId) was updated and screened, or an idempotent replay.",
              headers: { [IDEMPOTENT_REPLAYED_HEADER]: { description: "`true` when this is the stored result of an earlier request with the same Idempotency-Key.", schema: { type: "string", enum: ["true"] } } },
              content: json(ref("SubmitResponse")),
            },
            "400": errorResponse("Invalid JSON or invalid fields; `fieldErrors` is keyed by dotted path, e.g. `profile.candidate.email`."),
            ...common,
            "409": errorResponse("A concurrent change to the same candidate, or an Idempotency-Key reused for something else."),
            "422": errorResponse("The Idempotency-Key was already used with a different request (nothing was written)."),
          },
        },
      },
      "/api/v1/candidates/{id}": {
        get: {
          operationId: "getCandidate",
          summary: "A candidate's summary and stored profile",
          description: "The view is recorded in the audit trail.",
          parameters: [idParameter],
          responses: {
            "200": { description: "The candidate.", content: json(ref("CandidateResponse")) },
            ...common,
            "404": errorResponse("No candidate with that id."),
          },
        },
      },
      "/api/v1/candidates/{id}/screenings": {
        get: {
          operationId: "listCandidateScreenings",
          summary: "A candidate's screenings, newest first",
          description: "The view is recorded in the audit trail.",
          parameters: [idParameter],
          responses: {
            "200": { description: "The screenings.", content: json(ref("ScreeningListResponse")) },
            ...common,
            "404": errorResponse("No candidate with that id."),
          },
        },
      },
      "/api/admin/users": {
        get: {
          operationId: "listUsers",
          summary: "All user accounts (administrators only)",
          responses: {
            "200": { description: "The users.", content: json(ref("UserListResponse")) },
            ...common,
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "The OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      securitySchemes: {
        apiKey: { type: "http", scheme: "bearer", bearerFormat: "hrs_<32 base62 characters>", description: "An API key created on the API keys admin page or with `npm run apikey -- create`." },
        session: { type: "apiKey", in: "cookie", name: "authjs.session-token", description: "A signed-in browser session." },
      },
      schemas: {
        CandidateSubmission: jsonSchema(candidateSubmissionSchema, "input"),
        SubmitResponse: jsonSchema(apiSubmitResponseSchema, "output"),
        CandidateResponse: jsonSchema(apiCandidateResponseSchema, "output"),
        ScreeningListResponse: jsonSchema(apiScreeningListResponseSchema, "output"),
        UserListResponse: jsonSchema(apiUserListResponseSchema, "output"),
        Error: jsonSchema(apiErrorSchema, "output"),
      },
    },
  };
}

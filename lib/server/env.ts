import "server-only";
import { z } from "zod";

// Environment is validated once, on first use, with messages that say what to set.
const envSchema = z.object({
  DATABASE_URL: z.string().min(1, "DATABASE_URL is required (npm start sets it for the embedded database)"),
  /** Read by Auth.js itself; optional here so scripts like the seed run without it. */
  AUTH_SECRET: z.string().min(16, "AUTH_SECRET must be at least 16 characters (npm start generates one)").optional(),
  /** Key for hashing bank-account and ID numbers before they are stored (HMAC-SHA256). */
  LINK_HMAC_SECRET: z.string().min(16).optional(),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * How long a query waits for a connection (a free one from the pool, or a new one to the server) before it fails
   * as "database unavailable" (a 503 with Retry-After) instead of hanging: a server that accepts TCP but never answers,
   * a network that drops packets, a pool held by slow work.
   */
  DB_CONNECT_TIMEOUT_SECONDS: z.coerce.number().min(1).max(300).default(10),
  /** "off" for a connection pooler that can't keep server-side prepared statements (PgBouncer transaction mode). */
  DB_PREPARED_STATEMENTS: z.enum(["on", "off"]).default("on"),
  /**
   * A background job (import, re-screen) whose worker has not written a heartbeat for this long is taken to be dead
   * (killed, crashed, cut off) and is resumed by another worker. Workers beat every third of it, so keep it well
   * above a checkpoint's duration; tests set a few seconds.
   */
  JOB_STALE_AFTER_SECONDS: z.coerce.number().min(1).max(86_400).default(60),
  /** Newer IP data files to use instead of the copies shipped in node_modules (docs/enrichment.md). */
  IP_CITY_MMDB: z.string().optional(),
  IP_CITY_MMDB_V6: z.string().optional(),
  IP_COUNTRY_MMDB: z.string().optional(),
  IP_ASN_CSV: z.string().optional(),
  IP_ASN_CSV_V6: z.string().optional(),
  /** Route-handler calls per second per API key and per signed-in user (token bucket), and the burst allowed. */
  API_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(50),
  API_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(200),
  /**
   * Review-case SLA: hours from a case's opening (or its band rising) to its due date, per band, as
   * "CRITICAL=24,HIGH=72"; bands left out keep their defaults (docs/review-cases.md): CRITICAL 24 h (1 day),
   * HIGH 72 h (3 days), ELEVATED 120 h, LOW and CLEAR 240 h.
   */
  CASE_SLA_HOURS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      const out: Record<string, number> = { CRITICAL: 24, HIGH: 72, ELEVATED: 120, LOW: 240, CLEAR: 240 };
      for (const part of (value ?? "").split(",").map((p) => p.trim()).filter(Boolean)) {
        const m = /^(CRITICAL|HIGH|ELEVATED|LOW|CLEAR)=(\d{1,5})$/.exec(part);
        if (!m || Number(m[2]) < 1) {
          ctx.addIssue({ code: "custom", message: `"${part}" is not BAND=hours (e.g. CRITICAL=24,HIGH=72)` });
          return z.NEVER;
        }
        out[m[1]] = Number(m[2]);
      }
      return out as Record<"CRITICAL" | "HIGH" | "ELEVATED" | "LOW" | "CLEAR", number>;
    }),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${lines}`);
  }
  cached = parsed.data;
  return cached;
}

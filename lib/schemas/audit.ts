import { z } from "zod";
import { AUDIT_ACTIONS, AUDIT_CATEGORIES, type AuditCategory } from "@/lib/audit-actions";

const emptyToUndefined = (v: unknown) => (v === "" || v === null ? undefined : v);
type CategoryFilter = AuditCategory | "admin" | "all";
const CATEGORY_VALUES = ["admin", "all", ...(Object.keys(AUDIT_CATEGORIES) as AuditCategory[])] as [CategoryFilter, ...CategoryFilter[]];

/** The audit log's filters, as they arrive in the URL: bad values are field errors, never a crash. */
export const auditLogQuerySchema = z.object({
  /** "admin" (default): sign-ins, users, keys, rulesets, sanctions lists; "all"; or one category. */
  category: z.preprocess(emptyToUndefined, z.enum(CATEGORY_VALUES, { error: "Unknown category" }).default("admin")),
  action: z.preprocess(emptyToUndefined, z.enum(AUDIT_ACTIONS as [string, ...string[]], { error: "Unknown action" }).optional()),
  /** Part of the actor's email or name. */
  actor: z.preprocess(emptyToUndefined, z.string().trim().max(200).optional()),
  /** A subject id (a candidate, a user, a key, later a case…). */
  subject: z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()),
  /** A subject type ("Candidate", "User", "ApiKey"…): with `subject`, one subject; alone, every subject of the type. */
  subjectType: z.preprocess(
    emptyToUndefined,
    z.string().trim().max(50).regex(/^[A-Za-z][A-Za-z0-9_]*$/, { error: "Letters, digits and _ only" }).optional(),
  ),
  from: z.preprocess(emptyToUndefined, z.iso.date({ error: "Use the format YYYY-MM-DD" }).optional()),
  to: z.preprocess(emptyToUndefined, z.iso.date({ error: "Use the format YYYY-MM-DD" }).optional()),
  cursor: z.preprocess(emptyToUndefined, z.string().max(200).optional()),
  limit: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(200).default(50)),
});
export type AuditLogQuery = z.infer<typeof auditLogQuerySchema>;

/** The CSV export takes the log's filters, never a page position. */
export const auditExportQuerySchema = auditLogQuerySchema.omit({ cursor: true, limit: true });
export type AuditExportQuery = z.infer<typeof auditExportQuerySchema>;

// The audit trail's vocabulary: every audited action with a label and a category, in one place, so rows can be
// written, filtered and shown by the same names. Pure (the UI, schemas and lib/server all read it).

export const AUDIT_CATEGORIES = {
  access: "Sign-ins",
  users: "Users",
  keys: "API keys",
  rulesets: "Rulesets",
  sanctions: "Sanctions lists",
  candidates: "Candidates",
  cases: "Review cases",
  audit: "Audit log",
} as const;
export type AuditCategory = keyof typeof AUDIT_CATEGORIES;

export const AUDIT_ACTION_INFO = {
  "auth.signed_in": { label: "Signed in", category: "access" },
  "auth.sign_in_failed": { label: "Sign-in failed", category: "access" },
  "auth.sign_in_refused": { label: "Sign-in refused (too many attempts)", category: "access" },
  "auth.signed_out": { label: "Signed out", category: "access" },
  "user.created": { label: "User created", category: "users" },
  "user.role_changed": { label: "Role changed", category: "users" },
  "user.disabled": { label: "User disabled", category: "users" },
  "user.enabled": { label: "User enabled", category: "users" },
  "user.password_reset": { label: "Password reset", category: "users" },
  "apikey.created": { label: "API key created", category: "keys" },
  "apikey.revoked": { label: "API key revoked", category: "keys" },
  "ruleset.draft_created": { label: "Ruleset draft saved", category: "rulesets" },
  "ruleset.published": { label: "Ruleset published", category: "rulesets" },
  "sanctions.list_imported": { label: "Sanctions list imported", category: "sanctions" },
  "sanctions.list_reactivated": { label: "Sanctions list reactivated", category: "sanctions" },
  "candidate.created": { label: "Candidate created", category: "candidates" },
  "candidate.viewed": { label: "Candidate viewed", category: "candidates" },
  "candidate.screened": { label: "Candidate screened", category: "candidates" },
  "candidate.decision_recorded": { label: "Decision recorded", category: "candidates" },
  "candidate.flag_explained": { label: "Flag explained", category: "candidates" },
  "candidate.explanation_accepted": { label: "Explanation accepted", category: "candidates" },
  "candidate.explanation_rejected": { label: "Explanation rejected", category: "candidates" },
  "case.opened": { label: "Review case opened", category: "cases" },
  "case.reopened": { label: "Review case re-opened", category: "cases" },
  "case.viewed": { label: "Review case viewed", category: "cases" },
  "case.assigned": { label: "Review case assigned", category: "cases" },
  "case.note_added": { label: "Case note added", category: "cases" },
  "case.review_started": { label: "Case review started", category: "cases" },
  "case.closure_proposed": { label: "Case closure proposed", category: "cases" },
  "case.closure_approved": { label: "Case closure approved", category: "cases" },
  "case.closure_rejected": { label: "Case closure sent back", category: "cases" },
  "case.closed": { label: "Review case closed", category: "cases" },
  "case.evidence_exported": { label: "Evidence pack downloaded", category: "cases" },
  "candidates.import_started": { label: "CSV import started", category: "candidates" },
  "candidates.exported": { label: "Candidates exported", category: "candidates" },
  "audit.exported": { label: "Audit log exported", category: "audit" },
} as const satisfies Record<string, { label: string; category: AuditCategory }>;

export type AuditAction = keyof typeof AUDIT_ACTION_INFO;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_INFO) as AuditAction[];

export function auditActionLabel(action: string): string {
  return (AUDIT_ACTION_INFO as Record<string, { label: string }>)[action]?.label ?? action;
}

/** The actions of some categories (the audit log's filter). */
export function auditActionsIn(categories: readonly AuditCategory[]): AuditAction[] {
  return AUDIT_ACTIONS.filter((a) => categories.includes(AUDIT_ACTION_INFO[a].category));
}

/** The audit log's default view: everything but the candidate events (which are on each candidate's page). */
export const ADMIN_AUDIT_CATEGORIES: AuditCategory[] = ["access", "users", "keys", "rulesets", "sanctions", "audit"];

/** Page views: repeated ones by the same person on the same subject are shown grouped in the audit log. */
export const VIEW_ACTIONS: readonly string[] = ["candidate.viewed"];

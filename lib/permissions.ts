// Permissions are data: `resource.verb` → the roles that hold it. One checker reads this table and fails closed.
// Pure (no server imports) so pages can hide what a role can't do; the server re-checks every time.

export const ROLES = ["RECRUITER", "SECURITY", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = {
  "account.self": ["RECRUITER", "SECURITY", "ADMIN"],
  "candidates.create": ["RECRUITER", "ADMIN"],
  "candidates.read": ["RECRUITER", "SECURITY", "ADMIN"],
  "candidates.update": ["RECRUITER", "ADMIN"],
  "rules.read": ["RECRUITER", "SECURITY", "ADMIN"],
  "audit.read": ["SECURITY", "ADMIN"],
  /** Record proceed / hold / refer to security, with a rationale. */
  "candidates.decide": ["RECRUITER", "SECURITY", "ADMIN"],
  /**
   * Formerly: record the security review outcome as a decision. Since review cases (ADR 0011) that outcome is the case
   * closure (`cases.manage`, four-eyes); recordDecision refuses CLEARED / NOT_CLEARED, and stored ones stay readable.
   */
  "review.decide": ["SECURITY", "ADMIN"],
  /** Record an explanation (with its evidence) on a hit of a candidate's latest screening. */
  "flags.explain": ["RECRUITER", "SECURITY", "ADMIN"],
  /** Accept or reject an explanation (an accepted one suppresses the hit in the next screenings). Never one's own. */
  "flags.review": ["SECURITY", "ADMIN"],
  /** See a candidate's cluster of linked applicants (2 hops) as a graph and a table. */
  "links.graph": ["SECURITY", "ADMIN"],
  /** See the review queue and review cases (notes, rationale, history). Recruiters see only a case's outcome. */
  "cases.read": ["SECURITY", "ADMIN"],
  /** Claim, assign, note, start review, propose and approve closures (never one's own: four-eyes). */
  "cases.manage": ["SECURITY", "ADMIN"],
  "rulesets.manage": ["ADMIN"],
  "sanctions.manage": ["ADMIN"],
  "users.manage": ["ADMIN"],
  "apikeys.manage": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/**
 * Permissions only a signed-in person can use, never an API key: managing people and keys (a key that could create
 * an administrator or another key would outlive its own revocation).
 */
export const SESSION_ONLY_PERMISSIONS: ReadonlySet<Permission> = new Set<Permission>(["users.manage", "apikeys.manage"]);

export function roleHasPermission(role: Role | null | undefined, permission: Permission): boolean {
  if (!role) return false;
  const allowed: readonly Role[] | undefined = PERMISSIONS[permission];
  return allowed ? allowed.includes(role) : false;
}

export const ROLE_LABELS: Record<Role, string> = {
  RECRUITER: "Recruiter",
  SECURITY: "Security analyst",
  ADMIN: "Administrator",
};

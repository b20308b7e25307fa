// Every page, route handler and server action of the app with the permission it needs — the input of the generated
// authorization matrix (authorization-matrix.spec.ts). The matrix test fails when the app has an entry that is not
// listed here (a new route or action must say who may use it) or when this lists something the app no longer has.
import type { Permission } from "@/lib/permissions";

/** "public": anyone, signed in or not. "session": any signed-in person (no permission beyond that). */
export type Requirement = Permission | "public" | "session";

/** Pages by their file under app/ (route groups included), with the permission the page itself requires. */
export const PAGES: Record<string, Requirement> = {
  "app/page.tsx": "session", // redirects to /candidates
  "app/(auth)/sign-in/page.tsx": "public",
  "app/(app)/candidates/page.tsx": "candidates.read",
  "app/(app)/candidates/new/page.tsx": "candidates.create",
  "app/(app)/candidates/[id]/page.tsx": "candidates.read",
  "app/(app)/candidates/[id]/evidence/[stage]/page.tsx": "candidates.update",
  "app/(app)/candidates/import/page.tsx": "candidates.create",
  "app/(app)/candidates/import/[jobId]/page.tsx": "candidates.create",
  "app/(app)/rules/page.tsx": "rules.read",
  "app/(app)/audit/page.tsx": "audit.read",
  "app/(app)/review/page.tsx": "cases.read",
  "app/(app)/review/[id]/page.tsx": "cases.read",
  "app/(app)/admin/users/page.tsx": "users.manage",
  "app/(app)/admin/api-keys/page.tsx": "apikeys.manage",
  "app/(app)/admin/rulesets/page.tsx": "rulesets.manage",
  "app/(app)/admin/rulesets/new/page.tsx": "rulesets.manage",
  "app/(app)/admin/rulesets/[id]/page.tsx": "rulesets.manage",
  "app/(app)/admin/sanctions/page.tsx": "sanctions.manage",
};

/** Route handlers by file and HTTP method. */
export const ROUTES: Record<string, Requirement> = {
  "app/api/health/route.ts GET": "public",
  "app/api/v1/openapi.json/route.ts GET": "public",
  // Auth.js's own endpoints (sign-in callback, CSRF token, session): public by nature; they hold no data of ours.
  "app/api/auth/[...nextauth]/route.ts GET": "public",
  "app/api/auth/[...nextauth]/route.ts POST": "public",
  "app/api/v1/candidates/route.ts POST": "candidates.create",
  "app/api/v1/candidates/[id]/route.ts GET": "candidates.read",
  "app/api/v1/candidates/[id]/screenings/route.ts GET": "candidates.read",
  "app/api/exports/candidates.csv/route.ts GET": "candidates.read",
  "app/api/exports/screenings.csv/route.ts GET": "candidates.read",
  "app/api/exports/audit.csv/route.ts GET": "audit.read",
  "app/api/review/cases/[id]/evidence-pack/route.ts GET": "cases.read",
  "app/api/imports/route.ts POST": "candidates.create",
  "app/api/imports/[jobId]/route.ts GET": "candidates.create",
  "app/api/resume-text/route.ts POST": "candidates.create",
  "app/api/admin/sanctions/route.ts POST": "sanctions.manage",
  "app/api/imports/[jobId]/errors.csv/route.ts GET": "candidates.create",
  "app/api/admin/users/route.ts GET": "users.manage",
  "app/api/admin/users/route.ts POST": "users.manage",
};

/** Server actions by "file#export" (as the build's server-reference manifest names them). */
export const ACTIONS: Record<string, Requirement> = {
  "app/(auth)/sign-in/actions.ts#signInAction": "public",
  "app/(app)/actions.ts#signOutAction": "account.self",
  // The sign-out button's inline action in the app layout: it only calls signOutAction (checked above) and returns
  // nothing, so whoever calls it gets the same empty answer; without a session it does nothing.
  "app/(app)/layout.tsx#$$RSC_SERVER_ACTION_0": "public",
  "app/(app)/candidates/actions.ts#createCandidateAction": "candidates.create",
  "app/(app)/candidates/[id]/actions.ts#recordDecisionAction": "candidates.decide",
  "app/(app)/candidates/[id]/actions.ts#recordVerificationAction": "candidates.update",
  "app/(app)/candidates/[id]/actions.ts#explainFlagAction": "flags.explain",
  "app/(app)/candidates/[id]/actions.ts#reviewExplanationAction": "flags.review",
  "app/(app)/candidates/[id]/evidence/[stage]/actions.ts#submitStageEvidenceAction": "candidates.update",
  "app/(app)/candidates/import/actions.ts#startImportJobAction": "candidates.create",
  "app/(app)/admin/users/actions.ts#createUserAction": "users.manage",
  "app/(app)/admin/users/actions.ts#changeUserRoleAction": "users.manage",
  "app/(app)/admin/users/actions.ts#setUserDisabledAction": "users.manage",
  "app/(app)/admin/users/actions.ts#resetUserPasswordAction": "users.manage",
  "app/(app)/admin/api-keys/actions.ts#createApiKeyAction": "apikeys.manage",
  "app/(app)/admin/api-keys/actions.ts#revokeApiKeyAction": "apikeys.manage",
  "app/(app)/admin/rulesets/actions.ts#createRulesetDraftAction": "rulesets.manage",
  "app/(app)/admin/rulesets/actions.ts#previewRulesetAction": "rulesets.manage",
  "app/(app)/admin/rulesets/actions.ts#publishRulesetAction": "rulesets.manage",
  "app/(app)/review/actions.ts#assignCasesAction": "cases.manage",
  "app/(app)/review/actions.ts#addCaseNoteAction": "cases.manage",
  "app/(app)/review/actions.ts#startCaseReviewAction": "cases.manage",
  "app/(app)/review/actions.ts#proposeCaseClosureAction": "cases.manage",
  "app/(app)/review/actions.ts#reviewCaseClosureAction": "cases.manage",
};

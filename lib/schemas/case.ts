import { z } from "zod";
import { CASE_REASON_CODE_IDS, CASE_STATUSES, CLOSED_CASE_STATUSES, REFERRAL_TARGETS, reasonCodesFor, type CaseOutcome } from "@/lib/cases";
import { THRESHOLD_BANDS } from "@/lib/engine/ruleset";
import { uuidField } from "./common";

const caseId = uuidField;

/** A form posts several values of one field as "a,b,c" (bulk assign) or repeated fields joined by the action wrapper. */
const idList = z
  .union([z.array(z.string()), z.string()])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.uuid({ error: "Choose cases from the queue" })).min(1, "Choose at least one case").max(200, "Assign at most 200 cases at a time"));

/**
 * A form posts one checkbox per value (`<prefix>.<value>`), since the action wrapper keeps one value per field name:
 * gather them into `field` (an array); an object payload passes the array itself.
 */
function gatherChecked(prefix: string, field: string) {
  return (input: unknown) => {
    if (!input || typeof input !== "object" || Array.isArray(input)) return input;
    const out: Record<string, unknown> = {};
    const checked: string[] = [];
    for (const [key, value] of Object.entries(input)) {
      if (key.startsWith(`${prefix}.`)) checked.push(key.slice(prefix.length + 1));
      else out[key] = value;
    }
    if (checked.length || out[field] === undefined) out[field] = out[field] ?? checked;
    return out;
  };
}

export const assignCasesSchema = z.preprocess(
  (input: unknown) => {
    // A row's own "Claim" button posts claim=<case id>: that case, to me, whatever else is ticked.
    if (input && typeof input === "object" && !Array.isArray(input) && typeof (input as { claim?: unknown }).claim === "string") {
      return { caseIds: [(input as { claim: string }).claim], assignee: "me" };
    }
    return gatherChecked("case", "caseIds")(input);
  },
  z.strictObject({
    caseIds: idList,
    /** A user id, "me" (claim) or "" (unassign). */
    assignee: z.union([z.uuid({ error: "Choose an analyst" }), z.literal("me"), z.literal("")], { error: "Choose an analyst" }),
  }),
);
export type AssignCasesInput = z.output<typeof assignCasesSchema>;

export const caseNoteSchema = z.strictObject({
  caseId,
  body: z
    .string({ error: "Write the note" })
    .trim()
    .min(1, "Write the note")
    .max(10_000, "Keep a note under 10,000 characters"),
});
export type CaseNoteInput = z.output<typeof caseNoteSchema>;

export const startCaseReviewSchema = z.strictObject({ caseId });

const rationale = z
  .string({ error: "Write the rationale" })
  .trim()
  .min(10, "Write the rationale (at least 10 characters)")
  .max(4000, "Keep the rationale under 4,000 characters");

/** Reason codes arrive as repeated checkboxes (joined "a,b" by a form) or as an array. */
const reasonCodes = z
  .union([z.array(z.string()), z.string()])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : v.split(",")).map((s) => s.trim()).filter(Boolean))
  .pipe(z.array(z.enum(CASE_REASON_CODE_IDS as [string, ...string[]], { error: "Unknown reason code" })).min(1, "Choose at least one reason code"));

export const proposeCaseClosureSchema = z.preprocess(
  gatherChecked("reasonCode", "reasonCodes"),
  z
  .strictObject({
    caseId,
    outcome: z.enum(CLOSED_CASE_STATUSES, { error: "Choose an outcome" }),
    referralTarget: z.union([z.enum(REFERRAL_TARGETS), z.literal("")]).optional().transform((v) => v || undefined),
    rationale,
    reasonCodes,
    /** The screening shown when the form was rendered: a closure is refused when the candidate was screened since. */
    screeningId: z.union([z.uuid(), z.literal("")]).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === "REFERRED" && !v.referralTarget) ctx.addIssue({ code: "custom", path: ["referralTarget"], message: "Choose who the case is referred to" });
    if (v.outcome !== "REFERRED" && v.referralTarget) ctx.addIssue({ code: "custom", path: ["referralTarget"], message: "Only a referral has a referral target" });
    const allowed = new Set<string>(reasonCodesFor(v.outcome as CaseOutcome));
    const wrong = v.reasonCodes.filter((c) => !allowed.has(c));
    if (wrong.length) ctx.addIssue({ code: "custom", path: ["reasonCodes"], message: `Not a reason for this outcome: ${wrong.join(", ")}` });
  }),
);
type ProposeOutput = z.output<typeof proposeCaseClosureSchema>;
export type ProposeCaseClosureInput = Omit<ProposeOutput, "referralTarget"> & { referralTarget?: ProposeOutput["referralTarget"] };

export const reviewCaseClosureSchema = z.strictObject({
  caseId,
  decision: z.enum(["approve", "reject"], { error: "Approve or send back" }),
  rationale,
});
export type ReviewCaseClosureInput = z.output<typeof reviewCaseClosureSchema>;

export const CASE_QUEUE_SORTS = ["due", "age", "score"] as const;

/** The queue's URL query. Unknown or malformed values fall back to the defaults rather than failing the page. */
export const caseQueueQuerySchema = z.object({
  status: z.enum([...CASE_STATUSES, "open", "closed", "all"]).catch("open").default("open"),
  band: z.enum(THRESHOLD_BANDS).optional().catch(undefined),
  assignee: z.union([z.uuid(), z.literal("me"), z.literal("unassigned")]).optional().catch(undefined),
  overdue: z.literal("1").optional().catch(undefined),
  indicator: z.string().regex(/^[A-Z]{2,4}-\d{2}$/).optional().catch(undefined),
  sort: z.enum(CASE_QUEUE_SORTS).catch("due").default("due"),
  cursor: z.string().max(500).optional().catch(undefined),
});
export type CaseQueueQuery = z.output<typeof caseQueueQuerySchema>;

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL', 'CLEARED', 'NOT_CLEARED', 'REFERRED');

-- CreateEnum
CREATE TYPE "CaseOutcome" AS ENUM ('CLEARED', 'NOT_CLEARED', 'REFERRED');

-- CreateEnum
CREATE TYPE "CaseKind" AS ENUM ('CANDIDATE', 'CLUSTER');

-- CreateEnum
CREATE TYPE "CaseOpenCause" AS ENUM ('BAND_THRESHOLD', 'REFERRAL');

-- CreateEnum
CREATE TYPE "ReferralTarget" AS ENUM ('COMPLIANCE', 'LAW_ENFORCEMENT');

-- CreateTable
CREATE TABLE "review_cases" (
    "id" UUID NOT NULL,
    "kind" "CaseKind" NOT NULL DEFAULT 'CANDIDATE',
    "candidate_id" UUID,
    "parent_case_id" UUID,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "opened_by" "CaseOpenCause" NOT NULL,
    "referral_target" "ReferralTarget",
    "band_at_open" TEXT NOT NULL,
    "score_at_open" INTEGER NOT NULL,
    "latest_band" TEXT NOT NULL,
    "latest_score" INTEGER NOT NULL,
    "latest_screening_id" UUID,
    "last_reviewed_screening_id" UUID,
    "linked_candidate_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "decided_band" TEXT,
    "decided_linked_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "assignee_id" UUID,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "opened_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closed_at" TIMESTAMPTZ(3),
    "reopen_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "review_cases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_notes" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_transitions" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "event" TEXT NOT NULL,
    "from_status" "CaseStatus",
    "to_status" "CaseStatus" NOT NULL,
    "actor_id" UUID,
    "outcome" "CaseOutcome",
    "referral_target" "ReferralTarget",
    "rationale" TEXT,
    "reason_codes" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "proposer_id" UUID,
    "approver_id" UUID,
    "screening_id" UUID,
    "band" TEXT,
    "score" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_outcome_labels" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "screening_id" UUID NOT NULL,
    "ruleset_version_id" UUID NOT NULL,
    "outcome" "CaseOutcome" NOT NULL,
    "referral_target" "ReferralTarget",
    "reason_codes" TEXT[],
    "band" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "decided_by_id" UUID NOT NULL,
    "proposed_by_id" UUID NOT NULL,
    "decided_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "case_outcome_labels_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "review_cases_status_due_at_id_idx" ON "review_cases"("status", "due_at", "id");

-- CreateIndex
CREATE INDEX "review_cases_assignee_id_status_idx" ON "review_cases"("assignee_id", "status");

-- CreateIndex
CREATE INDEX "review_cases_candidate_id_idx" ON "review_cases"("candidate_id");

-- CreateIndex
CREATE INDEX "review_cases_parent_case_id_idx" ON "review_cases"("parent_case_id");

-- CreateIndex
CREATE INDEX "case_notes_case_id_created_at_idx" ON "case_notes"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "case_transitions_case_id_created_at_idx" ON "case_transitions"("case_id", "created_at");

-- CreateIndex
CREATE INDEX "case_outcome_labels_candidate_id_decided_at_idx" ON "case_outcome_labels"("candidate_id", "decided_at" DESC);

-- CreateIndex
CREATE INDEX "case_outcome_labels_ruleset_version_id_idx" ON "case_outcome_labels"("ruleset_version_id");

-- CreateIndex
CREATE INDEX "case_outcome_labels_outcome_decided_at_idx" ON "case_outcome_labels"("outcome", "decided_at");

-- AddForeignKey
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_parent_case_id_fkey" FOREIGN KEY ("parent_case_id") REFERENCES "review_cases"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "review_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_notes" ADD CONSTRAINT "case_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "review_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_proposer_id_fkey" FOREIGN KEY ("proposer_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_approver_id_fkey" FOREIGN KEY ("approver_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_outcome_labels" ADD CONSTRAINT "case_outcome_labels_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "review_cases"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_outcome_labels" ADD CONSTRAINT "case_outcome_labels_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_outcome_labels" ADD CONSTRAINT "case_outcome_labels_screening_id_fkey" FOREIGN KEY ("screening_id") REFERENCES "screenings"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_outcome_labels" ADD CONSTRAINT "case_outcome_labels_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_outcome_labels" ADD CONSTRAINT "case_outcome_labels_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- At most one open case per candidate (ADR 0011): a later screening updates it, never opens a second one. Two
-- concurrent screenings of the same candidate meet here (INSERT … ON CONFLICT on this index), whatever their order.
CREATE UNIQUE INDEX "review_cases_one_open_per_candidate" ON "review_cases"("candidate_id")
  WHERE "kind" = 'CANDIDATE' AND "status" IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');

-- The open-case queue: keyset pagination of open cases by due date, age and score (its three sorts).
CREATE INDEX "review_cases_open_queue_idx" ON "review_cases"("due_at", "id")
  WHERE "status" IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');
CREATE INDEX "review_cases_open_age_idx" ON "review_cases"("opened_at", "id")
  WHERE "status" IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');
CREATE INDEX "review_cases_open_score_idx" ON "review_cases"("latest_score" DESC, "id")
  WHERE "status" IN ('OPEN', 'IN_REVIEW', 'PENDING_APPROVAL');

ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_candidate_kind_check"
  CHECK (("kind" = 'CANDIDATE') = ("candidate_id" IS NOT NULL));
ALTER TABLE "review_cases" ADD CONSTRAINT "review_cases_referral_check"
  CHECK (("status" = 'REFERRED') = ("referral_target" IS NOT NULL));

-- Notes, transitions and outcome labels are the case's record: append-only like decisions and the audit trail
-- (function from the append_only_audit_and_screenings migration). The case row itself is the mutable summary.
CREATE TRIGGER "case_notes_append_only"
  BEFORE UPDATE OR DELETE ON "case_notes"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete_append_only"();

CREATE TRIGGER "case_transitions_append_only"
  BEFORE UPDATE OR DELETE ON "case_transitions"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete_append_only"();

CREATE TRIGGER "case_outcome_labels_append_only"
  BEFORE UPDATE OR DELETE ON "case_outcome_labels"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete_append_only"();

-- Four-eyes, enforced by the database too: an approval never names its proposer as approver.
ALTER TABLE "case_transitions" ADD CONSTRAINT "case_transitions_four_eyes_check"
  CHECK ("approver_id" IS NULL OR "proposer_id" IS NULL OR "approver_id" <> "proposer_id");

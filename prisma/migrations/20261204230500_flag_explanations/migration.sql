-- CreateEnum
CREATE TYPE "ExplanationOutcome" AS ENUM ('ACCEPTED', 'REJECTED');

-- CreateTable
CREATE TABLE "flag_explanations" (
    "id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "screening_id" UUID NOT NULL,
    "rule_id" TEXT NOT NULL,
    "evidence_fingerprint" TEXT NOT NULL,
    "evidence" JSONB NOT NULL,
    "explanation" TEXT NOT NULL,
    "reference" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flag_explanations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "flag_explanation_reviews" (
    "id" UUID NOT NULL,
    "explanation_id" UUID NOT NULL,
    "outcome" "ExplanationOutcome" NOT NULL,
    "note" TEXT NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "flag_explanation_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "flag_explanations_candidate_id_created_at_idx" ON "flag_explanations"("candidate_id", "created_at" DESC);

-- CreateIndex
CREATE INDEX "flag_explanations_candidate_id_rule_id_evidence_fingerprint_idx" ON "flag_explanations"("candidate_id", "rule_id", "evidence_fingerprint");

-- CreateIndex
CREATE UNIQUE INDEX "flag_explanation_reviews_explanation_id_key" ON "flag_explanation_reviews"("explanation_id");

-- AddForeignKey
ALTER TABLE "flag_explanations" ADD CONSTRAINT "flag_explanations_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag_explanations" ADD CONSTRAINT "flag_explanations_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag_explanation_reviews" ADD CONSTRAINT "flag_explanation_reviews_explanation_id_fkey" FOREIGN KEY ("explanation_id") REFERENCES "flag_explanations"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "flag_explanation_reviews" ADD CONSTRAINT "flag_explanation_reviews_reviewer_id_fkey" FOREIGN KEY ("reviewer_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Explanations and their reviews are part of the record: append-only like decisions, screenings and the audit trail
-- (function from the append_only_audit_and_screenings migration). A review is final: the unique explanation_id makes
-- a second decision on the same explanation fail, however two reviewers race.
CREATE TRIGGER "flag_explanations_append_only"
  BEFORE UPDATE OR DELETE ON "flag_explanations"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete_append_only"();

CREATE TRIGGER "flag_explanation_reviews_append_only"
  BEFORE UPDATE OR DELETE ON "flag_explanation_reviews"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete_append_only"();

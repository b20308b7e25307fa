-- CreateEnum
CREATE TYPE "DecisionOutcome" AS ENUM ('PROCEED', 'HOLD', 'REFER_TO_SECURITY', 'CLEARED', 'NOT_CLEARED');

-- AlterTable
ALTER TABLE "screenings" ADD COLUMN     "details" JSONB NOT NULL DEFAULT '{}',
ADD COLUMN     "trigger" TEXT NOT NULL DEFAULT 'form';

-- CreateTable
CREATE TABLE "decisions" (
    "id" UUID NOT NULL,
    "candidate_id" UUID NOT NULL,
    "screening_id" UUID,
    "outcome" "DecisionOutcome" NOT NULL,
    "rationale" TEXT NOT NULL,
    "actor_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "decisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'RECRUITER',
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "decisions_candidate_id_created_at_idx" ON "decisions"("candidate_id", "created_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_hash_key" ON "api_keys"("hash");

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "decisions" ADD CONSTRAINT "decisions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Decisions are part of the record: append-only like screenings and the audit trail (function from the
-- append_only_audit_and_screenings migration).
CREATE TRIGGER "decisions_append_only"
  BEFORE UPDATE OR DELETE ON "decisions"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete_append_only"();

-- Trigram matching for name search (pg_trgm ships with PostgreSQL contrib and is loaded into the embedded PGlite).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- AlterTable
ALTER TABLE "candidates" ADD COLUMN     "latest_indicators" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "phone_digits" TEXT;

-- CreateIndex
CREATE INDEX "candidates_latest_score_created_at_id_idx" ON "candidates"("latest_score" DESC, "created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "candidates_latest_indicators_idx" ON "candidates" USING GIN ("latest_indicators");

-- CreateIndex
CREATE INDEX "candidates_full_name_trgm_idx" ON "candidates" USING GIN ("full_name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "candidates_phone_digits_idx" ON "candidates"("phone_digits");

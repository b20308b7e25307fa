-- Linkage lookups filter and return candidate_id for each (kind, value): with it in the index they are index-only.
-- DropIndex
DROP INDEX "candidate_identifiers_kind_value_idx";

-- CreateIndex
CREATE INDEX "candidate_identifiers_kind_value_candidate_id_idx" ON "candidate_identifiers"("kind", "value", "candidate_id");

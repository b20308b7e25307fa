-- Issue 10, sanctions precision: the listed dates of birth and personal ID numbers, used only to corroborate or
-- contradict a name match. Lists imported before this migration have none until they are imported again.
ALTER TABLE "sanctions_entries" ADD COLUMN "dates_of_birth" TEXT[] DEFAULT ARRAY[]::TEXT[];
ALTER TABLE "sanctions_entries" ADD COLUMN "id_numbers" JSONB NOT NULL DEFAULT '[]';

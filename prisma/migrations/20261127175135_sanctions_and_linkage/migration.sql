-- CreateEnum
CREATE TYPE "SanctionsListStatus" AS ENUM ('ACTIVE', 'SUPERSEDED');

-- CreateEnum
CREATE TYPE "IdentifierKind" AS ENUM ('EMAIL', 'PHONE', 'ADDRESS', 'SHIP_TO', 'DEVICE', 'IP', 'BANK', 'GOV_ID', 'EMPLOYER');

-- CreateTable
CREATE TABLE "sanctions_lists" (
    "id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "published_at" TIMESTAMPTZ(3),
    "content_hash" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "file_names" TEXT[],
    "entry_count" INTEGER NOT NULL,
    "alias_count" INTEGER NOT NULL,
    "status" "SanctionsListStatus" NOT NULL,
    "imported_by_id" UUID,
    "imported_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sanctions_lists_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanctions_entries" (
    "id" BIGSERIAL NOT NULL,
    "list_id" UUID NOT NULL,
    "ent_num" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "programs" TEXT[],
    "title" TEXT,
    "remarks" TEXT,
    "wallet_addresses" TEXT[],

    CONSTRAINT "sanctions_entries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanctions_aliases" (
    "id" BIGSERIAL NOT NULL,
    "entry_id" BIGINT NOT NULL,
    "alt_num" INTEGER,
    "type" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "strength" TEXT,

    CONSTRAINT "sanctions_aliases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sanctions_addresses" (
    "id" BIGSERIAL NOT NULL,
    "entry_id" BIGINT NOT NULL,
    "add_num" INTEGER,
    "address" TEXT,
    "city_state_postal" TEXT,
    "country" TEXT,
    "remarks" TEXT,

    CONSTRAINT "sanctions_addresses_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "candidate_identifiers" (
    "candidate_id" UUID NOT NULL,
    "kind" "IdentifierKind" NOT NULL,
    "value" TEXT NOT NULL,
    "last4" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "candidate_identifiers_pkey" PRIMARY KEY ("candidate_id","kind","value")
);

-- CreateTable
CREATE TABLE "candidate_resumes" (
    "candidate_id" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "bands" INTEGER[],
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "candidate_resumes_pkey" PRIMARY KEY ("candidate_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "sanctions_lists_content_hash_key" ON "sanctions_lists"("content_hash");

-- CreateIndex
CREATE INDEX "sanctions_lists_status_imported_at_idx" ON "sanctions_lists"("status", "imported_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "sanctions_entries_list_id_ent_num_key" ON "sanctions_entries"("list_id", "ent_num");

-- CreateIndex
CREATE INDEX "sanctions_aliases_entry_id_idx" ON "sanctions_aliases"("entry_id");

-- CreateIndex
CREATE INDEX "sanctions_addresses_entry_id_idx" ON "sanctions_addresses"("entry_id");

-- CreateIndex
CREATE INDEX "candidate_identifiers_kind_value_idx" ON "candidate_identifiers"("kind", "value");

-- CreateIndex
CREATE INDEX "candidate_resumes_bands_idx" ON "candidate_resumes" USING GIN ("bands");

-- AddForeignKey
ALTER TABLE "sanctions_entries" ADD CONSTRAINT "sanctions_entries_list_id_fkey" FOREIGN KEY ("list_id") REFERENCES "sanctions_lists"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sanctions_aliases" ADD CONSTRAINT "sanctions_aliases_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "sanctions_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sanctions_addresses" ADD CONSTRAINT "sanctions_addresses_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "sanctions_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_identifiers" ADD CONSTRAINT "candidate_identifiers_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "candidate_resumes" ADD CONSTRAINT "candidate_resumes_candidate_id_fkey" FOREIGN KEY ("candidate_id") REFERENCES "candidates"("id") ON DELETE CASCADE ON UPDATE CASCADE;

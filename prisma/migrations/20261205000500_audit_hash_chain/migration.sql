-- Tamper-evident audit trail (ADR 0010): every audit event carries `hash` = SHA-256 over a canonical serialisation of
-- its content and the previous event's hash (`prev_hash`), so a changed, deleted, inserted or re-ordered row breaks
-- the chain — even when a superuser disabled the append-only trigger. `npm run audit:verify` recomputes the chain in
-- Node with lib/audit-chain.ts; the SQL below must produce exactly the same bytes (the ADR documents them).
--
-- Chain order is id order. A BEFORE INSERT trigger locks the single-row chain head (SELECT … FOR UPDATE, held until
-- the transaction ends) and links the event to the head; the head moves to the last event of each statement:
-- concurrent writers queue on the head row, so the chain never forks. The id was drawn from the sequence before the lock; when a concurrent writer
-- appended a higher id meanwhile, the trigger draws a fresh one under the lock, so ids always rise along the chain. A transaction that
-- rolls back leaves a gap in the ids but none in the chain (its head update rolls back too).
-- Valid on PostgreSQL 15 and PostgreSQL 18 (PGlite): sha256() is built in since PostgreSQL 11.

ALTER TABLE "audit_events" ADD COLUMN "prev_hash" TEXT;
ALTER TABLE "audit_events" ADD COLUMN "hash" TEXT;

-- The chain head: the id and hash of the last event. Also lets audit:verify see events removed from the end.
CREATE TABLE "audit_chain_head" (
  "singleton" BOOLEAN NOT NULL DEFAULT true,
  "last_id" BIGINT,
  "last_hash" TEXT NOT NULL,
  CONSTRAINT "audit_chain_head_pkey" PRIMARY KEY ("singleton"),
  CONSTRAINT "audit_chain_head_singleton" CHECK ("singleton")
);

-- hash = hex(SHA-256(UTF-8("hrs-audit-chain-v1" || for each field: "|" || field))), where a field is "-" for NULL,
-- else "<UTF-8 byte length>:<text>", in this order: prev_hash, id, at (UTC, millisecond ISO 8601 with "Z"), actor_id,
-- action, subject_type, subject_id, before (jsonb text), after (jsonb text), ip, user_agent, credential.
-- plpgsql with inline expressions: nested SQL helper functions are not inlined here and cost ~4x as much.
CREATE FUNCTION "audit_event_chain_hash"(
  prev_hash TEXT, id BIGINT, at TIMESTAMPTZ, actor_id UUID, action TEXT, subject_type TEXT, subject_id TEXT,
  before JSONB, after JSONB, ip TEXT, user_agent TEXT, credential TEXT
) RETURNS TEXT
LANGUAGE plpgsql IMMUTABLE
AS $$
DECLARE
  fields TEXT[] := ARRAY[prev_hash, id::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    actor_id::text, action, subject_type, subject_id, before::text, after::text, ip, user_agent, credential];
  serialised TEXT := 'hrs-audit-chain-v1';
  v TEXT;
BEGIN
  FOREACH v IN ARRAY fields LOOP
    serialised := serialised || '|' || CASE WHEN v IS NULL THEN '-' ELSE octet_length(convert_to(v, 'UTF8'))::text || ':' || v END;
  END LOOP;
  RETURN encode(sha256(convert_to(serialised, 'UTF8')), 'hex');
END;
$$;

-- Per row: the first append of a transaction locks the head row (FOR UPDATE, held until the transaction ends; under
-- REPEATABLE READ a head moved since the snapshot is a serialization failure, never a fork) and keeps the head in a
-- transaction-local setting; later rows of the same transaction link to that setting. The head row itself is written
-- once per statement (audit_events_chain_head below): rewriting one row for every event of a bulk insert makes each
-- update walk all the earlier versions of that row, which is quadratic. A rolled-back savepoint reverts the setting
-- and the head row together.
CREATE FUNCTION "audit_events_chain"() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  head TEXT := current_setting('audit_chain.head', true);
  head_id BIGINT;
  head_hash TEXT;
BEGIN
  IF head IS NULL OR head = '' THEN
    SELECT "last_id", "last_hash" INTO head_id, head_hash FROM "audit_chain_head" WHERE "singleton" FOR UPDATE;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'audit chain head is missing';
    END IF;
  ELSE
    head_id := nullif(split_part(head, ':', 1), '')::bigint;
    head_hash := split_part(head, ':', 2);
  END IF;
  IF NEW."id" IS NULL OR NEW."id" <= head_id THEN
    NEW."id" := nextval(pg_get_serial_sequence('audit_events', 'id'));
  END IF;
  NEW."prev_hash" := head_hash;
  NEW."hash" := "audit_event_chain_hash"(head_hash, NEW."id", NEW."at", NEW."actor_id", NEW."action",
    NEW."subject_type", NEW."subject_id", NEW."before", NEW."after", NEW."ip", NEW."user_agent", NEW."credential");
  PERFORM set_config('audit_chain.head', NEW."id"::text || ':' || NEW."hash", true);
  RETURN NEW;
END;
$$;

CREATE FUNCTION "audit_events_chain_head"() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  head TEXT := current_setting('audit_chain.head', true);
BEGIN
  IF head IS NOT NULL AND head <> '' THEN
    UPDATE "audit_chain_head" SET "last_id" = split_part(head, ':', 1)::bigint, "last_hash" = split_part(head, ':', 2)
     WHERE "singleton";
  END IF;
  RETURN NULL;
END;
$$;

-- Backfill: chain the existing events in id order from the genesis hash (64 zeros).
ALTER TABLE "audit_events" DISABLE TRIGGER "audit_events_append_only";
DO $$
DECLARE
  r RECORD;
  prev TEXT := repeat('0', 64);
  last BIGINT := NULL;
BEGIN
  FOR r IN SELECT * FROM "audit_events" ORDER BY "id" LOOP
    UPDATE "audit_events" SET "prev_hash" = prev,
      "hash" = "audit_event_chain_hash"(prev, r."id", r."at", r."actor_id", r."action", r."subject_type",
        r."subject_id", r."before", r."after", r."ip", r."user_agent", r."credential")
    WHERE "id" = r."id"
    RETURNING "hash" INTO prev;
    last := r."id";
  END LOOP;
  INSERT INTO "audit_chain_head" ("singleton", "last_id", "last_hash") VALUES (true, last, prev);
END;
$$;
ALTER TABLE "audit_events" ENABLE TRIGGER "audit_events_append_only";

CREATE TRIGGER "audit_events_chain"
  BEFORE INSERT ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "audit_events_chain"();

CREATE TRIGGER "audit_events_chain_head"
  AFTER INSERT ON "audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_chain_head"();

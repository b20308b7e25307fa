-- Screenings (one row per engine run) and the audit trail are append-only: once written, a row can
-- never be changed or removed, not even by application code with a bug or by a hand-written query.
-- A BEFORE UPDATE OR DELETE row trigger refuses both with a clear error (SQLSTATE P0001).
-- Note: this also refuses foreign-key actions that would update these rows (e.g. ON DELETE SET NULL
-- on audit_events.actor_id when a user is deleted): users are disabled, never deleted.
-- Valid on PostgreSQL 15 and PostgreSQL 18 (PGlite).

CREATE FUNCTION "refuse_update_or_delete_append_only"() RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
  RAISE EXCEPTION 'table "%" is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
    USING HINT = 'Insert a new row instead of changing or deleting an existing one.';
END;
$$;

CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "audit_events"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete_append_only"();

CREATE TRIGGER "screenings_append_only"
  BEFORE UPDATE OR DELETE ON "screenings"
  FOR EACH ROW EXECUTE FUNCTION "refuse_update_or_delete_append_only"();

-- Undo of V7 and of what R__0_audit_helpers.sql, R__audit_triggers.sql, R__audit_policies.sql and
-- R__operations_policies.sql create: the change-log triggers on every table that has one (tenancy, places,
-- geography, tickets), the audit functions, the tables (partitions, policies and grants go with them).
DO $$
DECLARE
  audited regclass;
BEGIN
  FOR audited IN
    SELECT t.tgrelid::regclass FROM pg_trigger t
    WHERE t.tgname = 'audit_change' AND t.tgfoid = to_regprocedure('meridian_record_change()')
  LOOP
    EXECUTE format('DROP TRIGGER audit_change ON %s', audited);
  END LOOP;
END
$$;
DROP FUNCTION IF EXISTS meridian_audit(text, boolean, text[]);
DROP FUNCTION IF EXISTS meridian_record_change();
DROP TABLE IF EXISTS ticket_message, support_ticket, system_health_snapshot, row_count_snapshot, security_event,
  change_log;
DROP FUNCTION IF EXISTS meridian_ensure_change_log_partitions(date, integer);

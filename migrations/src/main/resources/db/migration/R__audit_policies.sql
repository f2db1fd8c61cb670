-- Grants and row-level security for the change log and security events. Re-applied whenever this file changes.
-- Both are append-only for the application: it never updates or deletes an audit row (retention drops whole
-- change-log partitions as the owner).

-- The change log is written only by the trigger (SECURITY DEFINER, as the owner, RLS forced): the application
-- role reads, nothing more.
GRANT SELECT ON change_log TO "${appRole}", "${readonlyRole}";
ALTER TABLE change_log ENABLE ROW LEVEL SECURITY;
ALTER TABLE change_log FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS change_log_read ON change_log;
CREATE POLICY change_log_read ON change_log FOR SELECT
  USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');
-- The trigger records a row of the acting tenant, any row in platform scope, or a change made with no context
-- at all: only a superuser (a DBA, a test fixture, a bulk load) can change a row without context, and the
-- trigger's insert runs as the owner, who is subject to this policy, so the superuser's change must still fit.
-- A row that passed its own table's policies always fits; this keeps the trail honest should another writer
-- ever be added.
DROP POLICY IF EXISTS change_log_insert ON change_log;
CREATE POLICY change_log_insert ON change_log FOR INSERT
  WITH CHECK (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
              OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform'
              OR ((SELECT nullif(current_setting('app.scope', true), '')) IS NULL
                  AND (SELECT nullif(current_setting('app.tenant_id', true), '')) IS NULL));

-- Security events: the application records and reads them, never changes them.
GRANT SELECT, INSERT ON security_event TO "${appRole}";
GRANT SELECT ON security_event TO "${readonlyRole}";
ALTER TABLE security_event ENABLE ROW LEVEL SECURITY;
ALTER TABLE security_event FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS security_event_read ON security_event;
CREATE POLICY security_event_read ON security_event FOR SELECT
  USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');
-- An event of the acting tenant, any event in platform scope, or an event with no tenant at all: a failed
-- sign-in or a rejected key happens before anyone is known. Such events are read in platform scope only.
DROP POLICY IF EXISTS security_event_insert ON security_event;
CREATE POLICY security_event_insert ON security_event FOR INSERT
  WITH CHECK (organization_id IS NULL
              OR organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
              OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

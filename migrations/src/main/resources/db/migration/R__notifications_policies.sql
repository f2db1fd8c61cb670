-- Grants and row-level security for notifications. Re-applied whenever this file changes.
--
--   change_event      the tenant's (or platform scope); events about shared locations carry no tenant and
--                     are platform scope's alone (the fan-out runs there)
--   notification      private to its user: the tenant's policy AND a restrictive one for the acting user
--                     (or platform scope), every command
--   notification_log  the tenant's (or platform scope): delivery records for the organization's admins

GRANT SELECT, INSERT, UPDATE, DELETE ON change_event, notification, notification_log TO "${appRole}";
GRANT SELECT ON change_event, notification, notification_log TO "${readonlyRole}";

SELECT meridian_tenant_rls(t) FROM unnest(ARRAY['change_event', 'notification', 'notification_log']) AS t;

DROP POLICY IF EXISTS notification_own_user ON notification;
CREATE POLICY notification_own_user ON notification AS RESTRICTIVE FOR ALL
  USING (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK (user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid)
              OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

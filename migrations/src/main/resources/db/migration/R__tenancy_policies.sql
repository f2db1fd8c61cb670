-- Grants and row-level security for the tenancy tables. Re-applied whenever this file changes.
-- The policy shapes and the context settings they read are in R__0_row_level_security_helpers.sql.

GRANT SELECT, INSERT, UPDATE, DELETE
  ON organization, app_user, user_permission, api_key, pending_user, password_reset_token, plan, permission
  TO "${appRole}";
GRANT SELECT
  ON organization, app_user, user_permission, api_key, pending_user, password_reset_token, plan, permission
  TO "${readonlyRole}";

SELECT meridian_tenant_rls(t)
FROM unnest(ARRAY['app_user', 'user_permission', 'api_key', 'pending_user', 'password_reset_token']) AS t;

SELECT meridian_reference_rls(t) FROM unnest(ARRAY['plan', 'permission']) AS t;

-- The tenant table itself: an organization sees itself; only platform scope creates, changes or
-- removes organizations.
ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS organization_select ON organization;
CREATE POLICY organization_select ON organization FOR SELECT
  USING (id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');
DROP POLICY IF EXISTS organization_insert ON organization;
CREATE POLICY organization_insert ON organization FOR INSERT
  WITH CHECK ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform');
DROP POLICY IF EXISTS organization_update ON organization;
CREATE POLICY organization_update ON organization FOR UPDATE
  USING ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform');
DROP POLICY IF EXISTS organization_delete ON organization;
CREATE POLICY organization_delete ON organization FOR DELETE
  USING ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

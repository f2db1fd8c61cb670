-- Grants and row-level security for the tenancy tables. Re-applied whenever this file changes.
--
-- Context, set transaction-locally by the application before its first statement:
--   app.tenant_id  the acting organization (uuid)
--   app.user_id    the acting user (uuid)
--   app.scope      'tenant' or 'platform' (explicit, audited cross-tenant work)
-- A tx-local setting reads back as '' after its transaction, hence nullif; the sub-SELECT makes
-- PostgreSQL evaluate it once per statement (an InitPlan), not once per row.

GRANT SELECT, INSERT, UPDATE, DELETE
  ON organization, app_user, user_permission, api_key, pending_user, password_reset_token, plan, permission
  TO "${appRole}";
GRANT SELECT
  ON organization, app_user, user_permission, api_key, pending_user, password_reset_token, plan, permission
  TO "${readonlyRole}";

ALTER TABLE organization ENABLE ROW LEVEL SECURITY;
ALTER TABLE organization FORCE ROW LEVEL SECURITY;
ALTER TABLE app_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE app_user FORCE ROW LEVEL SECURITY;
ALTER TABLE user_permission ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_permission FORCE ROW LEVEL SECURITY;
ALTER TABLE api_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE api_key FORCE ROW LEVEL SECURITY;
ALTER TABLE pending_user ENABLE ROW LEVEL SECURITY;
ALTER TABLE pending_user FORCE ROW LEVEL SECURITY;
ALTER TABLE password_reset_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE password_reset_token FORCE ROW LEVEL SECURITY;
ALTER TABLE plan ENABLE ROW LEVEL SECURITY;
ALTER TABLE plan FORCE ROW LEVEL SECURITY;
ALTER TABLE permission ENABLE ROW LEVEL SECURITY;
ALTER TABLE permission FORCE ROW LEVEL SECURITY;

-- An organization sees itself; only platform scope creates, changes or removes organizations.
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

-- Rows that belong to a tenant: that tenant, or platform scope, for every command.
DROP POLICY IF EXISTS app_user_tenant ON app_user;
CREATE POLICY app_user_tenant ON app_user
  USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

DROP POLICY IF EXISTS user_permission_tenant ON user_permission;
CREATE POLICY user_permission_tenant ON user_permission
  USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

DROP POLICY IF EXISTS api_key_tenant ON api_key;
CREATE POLICY api_key_tenant ON api_key
  USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

DROP POLICY IF EXISTS pending_user_tenant ON pending_user;
CREATE POLICY pending_user_tenant ON pending_user
  USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

DROP POLICY IF EXISTS password_reset_token_tenant ON password_reset_token;
CREATE POLICY password_reset_token_tenant ON password_reset_token
  USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

-- Reference data: everyone reads, only platform scope writes.
DROP POLICY IF EXISTS plan_read ON plan;
CREATE POLICY plan_read ON plan FOR SELECT USING (true);
DROP POLICY IF EXISTS plan_write ON plan;
CREATE POLICY plan_write ON plan FOR ALL
  USING ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

DROP POLICY IF EXISTS permission_read ON permission;
CREATE POLICY permission_read ON permission FOR SELECT USING (true);
DROP POLICY IF EXISTS permission_write ON permission;
CREATE POLICY permission_write ON permission FOR ALL
  USING ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

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

-- The tenant table itself: an organization sees itself; only platform scope creates or removes
-- organizations. A tenant may update its own row (the services let only its owners and admins, and only its
-- name and notification channels); what the platform decides -- slug, plan, active -- is guarded by the trigger below.
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
  USING (id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
         OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK (id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
              OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform');
DROP POLICY IF EXISTS organization_delete ON organization;
CREATE POLICY organization_delete ON organization FOR DELETE
  USING ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

-- Refuses a change outside platform scope; the trigger's WHEN says which changes are the platform's to make
-- and its argument names them. (A policy cannot compare the new row with the old one.) Like the policies, it
-- does not hold back a superuser, who bypasses row-level security anyway.
CREATE OR REPLACE FUNCTION meridian_require_platform_scope() RETURNS trigger
  LANGUAGE plpgsql
AS $$
BEGIN
  IF current_setting('is_superuser') <> 'on' AND coalesce(current_setting('app.scope', true), '') <> 'platform' THEN
    RAISE EXCEPTION 'only platform scope changes the % of %', TG_ARGV[0], TG_TABLE_NAME
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END
$$;
REVOKE ALL ON FUNCTION meridian_require_platform_scope() FROM PUBLIC;

DROP TRIGGER IF EXISTS organization_platform_decisions ON organization;
CREATE TRIGGER organization_platform_decisions BEFORE UPDATE ON organization FOR EACH ROW
  WHEN ((OLD.slug, OLD.plan_id, OLD.active) IS DISTINCT FROM (NEW.slug, NEW.plan_id, NEW.active))
  EXECUTE FUNCTION meridian_require_platform_scope('slug, plan or active flag');

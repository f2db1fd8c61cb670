-- Undo of V2: the tenancy tables, children first. Their policies and grants go with them.
DROP FUNCTION IF EXISTS meridian_login_lookup(text);
DROP FUNCTION IF EXISTS meridian_tenant_rls(text);
DROP FUNCTION IF EXISTS meridian_reference_rls(text);
DROP FUNCTION IF EXISTS meridian_platform_rls(text);
DROP FUNCTION IF EXISTS meridian_api_key_authenticate(text, text);
DROP FUNCTION IF EXISTS meridian_password_reset_lookup(text);
DROP TABLE IF EXISTS password_reset_token, pending_user, api_key, user_permission, permission, app_user, organization, plan;
-- the organization trigger's function (R__tenancy_policies.sql), once the trigger went with its table
DROP FUNCTION IF EXISTS meridian_require_platform_scope();

-- Credential lookups. They run before any tenant is known, so each switches to platform scope for
-- its own query only, restores the caller's scope, and answers exactly one credential by its exact
-- handle: a username or an API key prefix. Nothing else crosses tenants.

CREATE OR REPLACE FUNCTION meridian_login_lookup(p_username text)
  RETURNS TABLE (user_id uuid, organization_id uuid, password_hash text, active boolean)
  LANGUAGE plpgsql
AS $$
DECLARE
  caller_scope text := coalesce(current_setting('app.scope', true), '');
BEGIN
  PERFORM set_config('app.scope', 'platform', true);
  RETURN QUERY
    SELECT u.id, u.organization_id, u.password_hash, u.active AND o.active
    FROM app_user u
    JOIN organization o ON o.id = u.organization_id
    WHERE u.username = p_username;
  PERFORM set_config('app.scope', caller_scope, true);
END
$$;

CREATE OR REPLACE FUNCTION meridian_api_key_lookup(p_prefix text)
  RETURNS TABLE (key_id uuid, organization_id uuid, user_id uuid, secret_hash text, usable boolean)
  LANGUAGE plpgsql
AS $$
DECLARE
  caller_scope text := coalesce(current_setting('app.scope', true), '');
BEGIN
  PERFORM set_config('app.scope', 'platform', true);
  RETURN QUERY
    SELECT k.id, k.organization_id, k.user_id, k.secret_hash,
           k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.active AND o.active
    FROM api_key k
    JOIN app_user u ON u.id = k.user_id
    JOIN organization o ON o.id = k.organization_id
    WHERE k.prefix = p_prefix;
  PERFORM set_config('app.scope', caller_scope, true);
END
$$;

REVOKE ALL ON FUNCTION meridian_login_lookup(text), meridian_api_key_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_login_lookup(text), meridian_api_key_lookup(text) TO "${appRole}";

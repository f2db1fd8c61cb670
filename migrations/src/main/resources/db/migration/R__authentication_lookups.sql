-- Credential lookups. They run before any tenant is known, so each switches to platform scope for
-- its own query only, restores the caller's scope, and answers exactly one credential by its exact
-- handle: a username, an API key prefix or a password reset token's hash. Nothing else crosses tenants.

CREATE OR REPLACE FUNCTION meridian_login_lookup(p_username text)
  RETURNS TABLE (user_id uuid, organization_id uuid, username text, role text, platform_admin boolean,
                 password_hash text, active boolean)
  LANGUAGE plpgsql
AS $$
DECLARE
  caller_scope text := coalesce(current_setting('app.scope', true), '');
BEGIN
  PERFORM set_config('app.scope', 'platform', true);
  RETURN QUERY
    SELECT u.id, u.organization_id, u.username, u.role, u.platform_admin, u.password_hash, u.active AND o.active
    FROM app_user u
    JOIN organization o ON o.id = u.organization_id
    WHERE u.username = p_username;
  PERFORM set_config('app.scope', caller_scope, true);
END
$$;

-- Answers only for the right secret (its SHA-256) of a usable key, and notes the key's use at most once a
-- minute, so a busy client does not turn every request into a write.
CREATE OR REPLACE FUNCTION meridian_api_key_authenticate(p_prefix text, p_secret_hash text)
  RETURNS TABLE (key_id uuid, organization_id uuid, user_id uuid, username text, role text, platform_admin boolean)
  LANGUAGE plpgsql
AS $$
DECLARE
  caller_scope text := coalesce(current_setting('app.scope', true), '');
BEGIN
  PERFORM set_config('app.scope', 'platform', true);
  RETURN QUERY
    SELECT k.id, k.organization_id, k.user_id, u.username, u.role, u.platform_admin
    FROM api_key k
    JOIN app_user u ON u.id = k.user_id
    JOIN organization o ON o.id = k.organization_id
    WHERE k.prefix = p_prefix AND k.secret_hash = p_secret_hash
      AND k.revoked_at IS NULL AND (k.expires_at IS NULL OR k.expires_at > now()) AND u.active AND o.active;
  UPDATE api_key SET last_used_at = now()
    WHERE prefix = p_prefix AND secret_hash = p_secret_hash
      AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute');
  PERFORM set_config('app.scope', caller_scope, true);
END
$$;

-- The user a usable reset token (its SHA-256) was issued for: not spent, not expired, and the user and their
-- organization active. Redeeming it then happens in that user's own tenant.
CREATE OR REPLACE FUNCTION meridian_password_reset_lookup(p_token_hash text)
  RETURNS TABLE (user_id uuid, organization_id uuid, username text, role text, platform_admin boolean)
  LANGUAGE plpgsql
AS $$
DECLARE
  caller_scope text := coalesce(current_setting('app.scope', true), '');
BEGIN
  PERFORM set_config('app.scope', 'platform', true);
  RETURN QUERY
    SELECT u.id, u.organization_id, u.username, u.role, u.platform_admin
    FROM password_reset_token t
    JOIN app_user u ON u.id = t.user_id
    JOIN organization o ON o.id = t.organization_id
    WHERE t.token_hash = p_token_hash AND t.used_at IS NULL AND t.expires_at > now() AND u.active AND o.active;
  PERFORM set_config('app.scope', caller_scope, true);
END
$$;

REVOKE ALL ON FUNCTION meridian_login_lookup(text), meridian_api_key_authenticate(text, text),
  meridian_password_reset_lookup(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_login_lookup(text), meridian_api_key_authenticate(text, text),
  meridian_password_reset_lookup(text) TO "${appRole}";

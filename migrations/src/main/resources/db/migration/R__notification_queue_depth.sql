-- How many notifications wait for delivery: in the caller's tenant, or in every tenant in platform scope. A
-- notification is private to its user (R__notifications_policies.sql), so an organization's admins could not
-- count their own tenant's queue otherwise. Like the credential lookups, it widens to platform scope for its
-- own query only, restores the caller's scope, and answers one number about the caller's tenant, no rows.
CREATE OR REPLACE FUNCTION meridian_notification_queue_depth() RETURNS bigint
  LANGUAGE plpgsql
AS $$
DECLARE
  caller_scope text := coalesce(current_setting('app.scope', true), '');
  tenant uuid := nullif(current_setting('app.tenant_id', true), '')::uuid;
  depth bigint;
BEGIN
  IF caller_scope = 'platform' THEN
    SELECT count(*) INTO depth FROM notification WHERE status = 'pending';
  ELSIF tenant IS NULL THEN
    -- nobody acting: no tenant's queue to count
    depth := 0;
  ELSE
    PERFORM set_config('app.scope', 'platform', true);
    SELECT count(*) INTO depth FROM notification WHERE status = 'pending' AND organization_id = tenant;
    PERFORM set_config('app.scope', caller_scope, true);
  END IF;
  RETURN depth;
END
$$;

REVOKE ALL ON FUNCTION meridian_notification_queue_depth() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_notification_queue_depth() TO "${appRole}";

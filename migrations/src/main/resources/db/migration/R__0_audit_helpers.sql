-- The change log's trigger and the helper that puts it on a table (R__audit_triggers.sql applies it).
-- Only the owner runs these scripts.

-- Records one changed row in change_log: old and new row as JSONB, minus secrets; the row's tenant; and who
-- acted, from the transaction's settings. SECURITY DEFINER: the application role has no INSERT on change_log
-- at all, so it cannot forge or pad the trail, and the trigger is its only writer. RLS still applies to the
-- owner (forced), so the insert policy in R__audit_policies.sql holds here too.
--
-- Trigger arguments name columns whose changes alone are not worth a row (bookkeeping such as a key's
-- last_used_at, which the key lookup touches once a minute); version and updated_at always are.
CREATE OR REPLACE FUNCTION meridian_record_change() RETURNS trigger
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
DECLARE
  -- credentials and their hashes never reach the log, not even as old values (a webhook's secret is kept as
  -- given, to sign with)
  secrets constant text[] := ARRAY['password_hash', 'secret_hash', 'token_hash', 'webhook_secret'];
  bookkeeping constant text[] := ARRAY['version', 'updated_at'] || TG_ARGV::text[];
  old_row jsonb;
  new_row jsonb;
  changed jsonb;
BEGIN
  IF TG_OP <> 'INSERT' THEN
    old_row := to_jsonb(OLD);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    new_row := to_jsonb(NEW);
  END IF;
  -- a change to bookkeeping alone is no change; a new password hash is one (recorded without the hashes)
  IF TG_OP = 'UPDATE' AND old_row - bookkeeping = new_row - bookkeeping THEN
    RETURN NULL;
  END IF;
  changed := coalesce(new_row, old_row);
  INSERT INTO change_log (occurred_at, organization_id, table_name, operation, row_id, old_row, new_row,
                          actor_user_id, actor_tenant_id, scope)
  VALUES (now(),
          CASE WHEN TG_TABLE_NAME = 'organization' THEN changed ->> 'id' ELSE changed ->> 'organization_id' END::uuid,
          TG_TABLE_NAME, TG_OP, (changed ->> 'id')::uuid, old_row - secrets, new_row - secrets,
          nullif(current_setting('app.user_id', true), '')::uuid,
          nullif(current_setting('app.tenant_id', true), '')::uuid,
          nullif(current_setting('app.scope', true), ''));
  RETURN NULL;
END
$$;

-- (Re)creates the change-log trigger on a table: always for UPDATE and DELETE, for INSERT where creation
-- itself matters (credentials, permissions, tenants). p_bookkeeping: columns whose changes alone are not logged.
CREATE OR REPLACE FUNCTION meridian_audit(p_table text, p_with_insert boolean, p_bookkeeping text[] DEFAULT '{}')
  RETURNS void
  LANGUAGE plpgsql
AS $$
BEGIN
  EXECUTE format('DROP TRIGGER IF EXISTS audit_change ON %I', p_table);
  EXECUTE format('CREATE TRIGGER audit_change AFTER %s ON %I FOR EACH ROW EXECUTE FUNCTION meridian_record_change(%s)',
                 CASE WHEN p_with_insert THEN 'INSERT OR UPDATE OR DELETE' ELSE 'UPDATE OR DELETE' END,
                 p_table,
                 (SELECT coalesce(string_agg(quote_literal(c), ', '), '') FROM unnest(p_bookkeeping) AS c));
END
$$;

REVOKE ALL ON FUNCTION meridian_record_change(), meridian_audit(text, boolean, text[]) FROM PUBLIC;

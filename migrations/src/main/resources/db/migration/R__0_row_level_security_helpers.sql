-- The two shapes of row-level security every Meridian table takes, applied by the policy scripts that
-- follow (repeatable scripts run in name order; this one sorts first). Only the owner runs them.
--
-- Context, set transaction-locally by the application before its first statement:
--   app.tenant_id  the acting organization (uuid)
--   app.user_id    the acting user (uuid)
--   app.scope      'tenant' or 'platform' (explicit, audited cross-tenant work)
-- A tx-local setting reads back as '' after its transaction, hence nullif; the sub-SELECT makes
-- PostgreSQL evaluate it once per statement (an InitPlan), not once per row.

-- A table whose rows belong to a tenant: that tenant, or platform scope, for every command.
CREATE OR REPLACE FUNCTION meridian_tenant_rls(p_table text) RETURNS void
  LANGUAGE plpgsql
AS $$
DECLARE
  tenant_or_platform constant text :=
    'organization_id = (SELECT nullif(current_setting(''app.tenant_id'', true), '''')::uuid)'
    ' OR (SELECT nullif(current_setting(''app.scope'', true), '''')) = ''platform''';
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format('DROP POLICY IF EXISTS %I ON %I', p_table || '_tenant', p_table);
  EXECUTE format('CREATE POLICY %I ON %I USING (%s) WITH CHECK (%s)',
                 p_table || '_tenant', p_table, tenant_or_platform, tenant_or_platform);
END
$$;

-- Reference data shared by all tenants: everyone reads, only platform scope writes.
CREATE OR REPLACE FUNCTION meridian_reference_rls(p_table text) RETURNS void
  LANGUAGE plpgsql
AS $$
DECLARE
  platform constant text := '(SELECT nullif(current_setting(''app.scope'', true), '''')) = ''platform''';
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format('DROP POLICY IF EXISTS %I ON %I', p_table || '_read', p_table);
  EXECUTE format('CREATE POLICY %I ON %I FOR SELECT USING (true)', p_table || '_read', p_table);
  EXECUTE format('DROP POLICY IF EXISTS %I ON %I', p_table || '_write', p_table);
  EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING (%s) WITH CHECK (%s)',
                 p_table || '_write', p_table, platform, platform);
END
$$;

-- Platform-level operational data with no tenant (snapshots, job runs): platform scope only, for every command.
CREATE OR REPLACE FUNCTION meridian_platform_rls(p_table text) RETURNS void
  LANGUAGE plpgsql
AS $$
DECLARE
  platform constant text := '(SELECT nullif(current_setting(''app.scope'', true), '''')) = ''platform''';
BEGIN
  EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', p_table);
  EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', p_table);
  EXECUTE format('DROP POLICY IF EXISTS %I ON %I', p_table || '_platform', p_table);
  EXECUTE format('CREATE POLICY %I ON %I FOR ALL USING (%s) WITH CHECK (%s)',
                 p_table || '_platform', p_table, platform, platform);
END
$$;

REVOKE ALL ON FUNCTION meridian_tenant_rls(text), meridian_reference_rls(text), meridian_platform_rls(text)
  FROM PUBLIC;

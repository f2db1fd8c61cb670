-- Grants and row-level security for usage and billing. Re-applied whenever this file changes.
-- The context settings the policies read are described in R__0_row_level_security_helpers.sql.

-- The usage log is appended to and read, never changed: no UPDATE or DELETE for anyone but the owner, whose
-- retention job drops whole partitions. Its partitions are reached only through it (see V6).
GRANT SELECT, INSERT ON usage_log TO "${appRole}";
GRANT SELECT ON usage_log TO "${readonlyRole}";
-- a tenant writes and reads its own requests, platform scope all of them
SELECT meridian_tenant_rls('usage_log');

-- The rollups are computed across tenants by the nightly job in platform scope. A tenant reads its own rows
-- but writes none: usage_daily is what the monthly statement bills, so a tenant must not be able to lower it.
GRANT SELECT, INSERT, UPDATE, DELETE ON usage_daily, daily_metrics TO "${appRole}";
GRANT SELECT ON usage_daily, daily_metrics TO "${readonlyRole}";
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['usage_daily', 'daily_metrics'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('DROP POLICY IF EXISTS %I ON %I', t || '_read', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT
        USING (organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
               OR (SELECT nullif(current_setting('app.scope', true), '')) = 'platform')$p$, t || '_read', t);
    EXECUTE format('DROP POLICY IF EXISTS %I ON %I', t || '_write', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL
        USING ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
        WITH CHECK ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform')$p$, t || '_write', t);
  END LOOP;
END
$$;

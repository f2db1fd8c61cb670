-- How far the daily usage rollup reaches. Re-applied whenever this file changes.
--
-- Every successful run of the roll-up-usage job rolls up each day since the previous successful run's last day,
-- through the day before it started (at most 31 days back), so every day up to this one is in usage_daily.
-- Readers of a month's calls (quotas, /me/usage) take those days from usage_daily and only the days after it
-- from the usage log. Null before the first successful run.
--
-- Job runs are platform data, and /me/usage reads in a tenant's scope, so the function reads them as their
-- owner (SECURITY DEFINER), whom a policy of its own lets see the rollup's runs and no others. What it returns is
-- a date and says nothing of any tenant.
CREATE OR REPLACE FUNCTION meridian_usage_rolled_up_through() RETURNS date
  LANGUAGE sql
  STABLE
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  SELECT (max(started_at) AT TIME ZONE 'UTC')::date - 1
  FROM job_run
  WHERE job = 'roll-up-usage' AND outcome = 'succeeded'
$$;
REVOKE ALL ON FUNCTION meridian_usage_rolled_up_through() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_usage_rolled_up_through() TO "${appRole}";

DROP POLICY IF EXISTS job_run_usage_rollup_reach ON job_run;
CREATE POLICY job_run_usage_rollup_reach ON job_run FOR SELECT TO CURRENT_USER USING (job = 'roll-up-usage');

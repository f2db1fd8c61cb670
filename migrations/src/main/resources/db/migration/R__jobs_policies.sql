-- Grants and row-level security for job runs. Re-applied whenever this file changes.

-- Platform-level operational data, like the snapshots: readable and writable in platform scope only (the
-- scheduler acts as the system, in platform scope). Runs are started and then finished, never deleted by
-- the application.
GRANT SELECT, INSERT, UPDATE ON job_run TO "${appRole}";
GRANT SELECT ON job_run TO "${readonlyRole}";
ALTER TABLE job_run ENABLE ROW LEVEL SECURITY;
ALTER TABLE job_run FORCE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS job_run_platform ON job_run;
CREATE POLICY job_run_platform ON job_run FOR ALL
  USING ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform')
  WITH CHECK ((SELECT nullif(current_setting('app.scope', true), '')) = 'platform');

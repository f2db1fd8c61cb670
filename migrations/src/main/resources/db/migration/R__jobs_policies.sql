-- Grants and row-level security for job runs. Re-applied whenever this file changes.

-- Platform-level operational data, like the snapshots: readable and writable in platform scope only (the
-- scheduler acts as the system, in platform scope). Runs are started and then finished, never deleted by
-- the application.
GRANT SELECT, INSERT, UPDATE ON job_run TO "${appRole}";
GRANT SELECT ON job_run TO "${readonlyRole}";
SELECT meridian_platform_rls('job_run');

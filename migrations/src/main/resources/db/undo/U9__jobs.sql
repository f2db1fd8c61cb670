-- Undo of V9 and of what R__jobs_policies.sql and R__usage_rolled_up.sql create: the table (its policy and
-- grants go with it) and the function that reads it.
DROP FUNCTION IF EXISTS meridian_usage_rolled_up_through();
DROP TABLE IF EXISTS job_run;

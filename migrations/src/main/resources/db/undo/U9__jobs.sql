-- Undo of V9 and of what R__jobs_policies.sql creates: the table (its policy and grants go with it).
DROP TABLE IF EXISTS job_run;

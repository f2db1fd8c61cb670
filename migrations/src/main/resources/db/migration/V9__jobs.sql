-- Runs of the scheduled jobs (persistence, package operations). A run is recorded only by the instance that
-- won the job's cluster-wide lease (a transaction-level advisory lock), so the history shows one row per
-- schedule, not one per instance. Platform-level operational data with no tenant: grants and policy in
-- R__jobs_policies.sql.
CREATE TABLE job_run (
  id            uuid PRIMARY KEY,
  job           text NOT NULL CHECK (length(job) BETWEEN 1 AND 100),
  started_at    timestamptz NOT NULL,
  -- null while running
  finished_at   timestamptz,
  -- 'skipped' is for a run that was started and then had nothing to do; a lost lease records nothing
  outcome       text NOT NULL DEFAULT 'running'
                CHECK (outcome IN ('running', 'succeeded', 'failed', 'skipped')),
  rows_affected bigint CHECK (rows_affected >= 0),
  -- what went wrong, in words: exception types and messages, never a stack trace
  detail        text CHECK (length(detail) <= 4000),
  attempt       integer NOT NULL DEFAULT 1 CHECK (attempt >= 1),
  -- which application instance ran it (process@host)
  instance      text NOT NULL,
  version       bigint NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL DEFAULT now(),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((outcome = 'running') = (finished_at IS NULL)),
  CHECK (finished_at IS NULL OR finished_at >= started_at)
);

-- a job's latest runs first: the admin portal's history and "when did this last succeed"
CREATE INDEX job_run_job_started_at ON job_run (job, started_at DESC);

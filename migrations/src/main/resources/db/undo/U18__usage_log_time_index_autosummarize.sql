-- Undo of V18: the time index as V17 built it, and the summarizing function of R__usage_log_time_index.sql,
-- which came in the same change.
DROP FUNCTION IF EXISTS meridian_summarize_usage_log_time_index();
DROP INDEX IF EXISTS usage_log_occurred_at_brin_idx;
CREATE INDEX usage_log_occurred_at_brin_idx ON usage_log USING brin (occurred_at);

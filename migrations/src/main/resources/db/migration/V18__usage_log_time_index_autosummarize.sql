-- The usage log's time index (V17), summarized as its ranges fill. A BRIN index skips only summarized block
-- ranges, and without autosummarize a range waits for the next vacuum of its partition, which for an
-- insert-only log comes rarely: a read of the last minutes read every range written since. With it, autovacuum
-- summarizes each range once it is full. A partitioned index takes no SET of its options, so it is built again;
-- a BRIN build reads each partition once and writes a few pages. Where autovacuum does not run, the health
-- snapshot summarizes new ranges itself (meridian_summarize_usage_log_time_index, R__usage_log_time_index.sql).
DROP INDEX usage_log_occurred_at_brin_idx;
CREATE INDEX usage_log_occurred_at_brin_idx ON usage_log USING brin (occurred_at) WITH (autosummarize = on);

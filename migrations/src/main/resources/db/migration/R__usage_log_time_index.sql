-- Keeping the usage log's time index (V17, V18) short to read. Re-applied whenever this file changes.
--
-- A BRIN index can skip only the block ranges it has summarized; every range written since the last summary is
-- read in full. Autovacuum summarizes ranges as they fill (V18), but only where it runs, so a reader of the last
-- minutes (the health snapshot, every minute) would read more and more of the month without it. The snapshot
-- calls this first: it summarizes the ranges filled since its last call in every partition (the work is those
-- blocks) and returns how many it summarized. (Where autovacuum is off, PostgreSQL also logs each filled range's
-- autosummarize request as "not recorded", at LOG level, about once per 9,000 rows.) SECURITY DEFINER because
-- summarizing needs the index's owner, and the application role owns nothing.
CREATE OR REPLACE FUNCTION meridian_summarize_usage_log_time_index() RETURNS integer
  LANGUAGE sql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  SELECT coalesce(sum(brin_summarize_new_values(i.inhrelid::regclass)), 0)::integer
  FROM pg_inherits i
  JOIN pg_class parent ON parent.oid = i.inhparent
  WHERE parent.relname = 'usage_log_occurred_at_brin_idx' AND parent.relnamespace = 'public'::regnamespace
$$;
REVOKE ALL ON FUNCTION meridian_summarize_usage_log_time_index() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_summarize_usage_log_time_index() TO "${appRole}";

-- Undo of V6 and of what R__usage_policies.sql and R__usage_statement.sql hang on its tables: the view, the
-- tables (their partitions, policies and grants go with them) and the partition functions.
DROP VIEW IF EXISTS monthly_statement;
DROP TABLE IF EXISTS usage_log, usage_daily, daily_metrics;
DROP FUNCTION IF EXISTS meridian_ensure_usage_partitions(date, integer);
DROP FUNCTION IF EXISTS meridian_ensure_monthly_partitions(regclass, date, integer);

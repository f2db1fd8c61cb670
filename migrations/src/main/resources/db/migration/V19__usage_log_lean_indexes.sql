-- The usage log takes a row for every API request, so each of its indexes is paid on the request rate. No
-- query reads it by API key: quotas, /me/usage and the dashboard go by organization and time, the daily
-- rollup and the retention by time. That index (V6) goes. The user's stays: row-level security's lint asks
-- every tenant or user column of a secured table to lead an index.
DROP INDEX usage_log_api_key_id_occurred_at_idx;

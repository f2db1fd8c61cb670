-- Undo of V19: the usage log's index by API key, as V6 built it.
CREATE INDEX IF NOT EXISTS usage_log_api_key_id_occurred_at_idx ON usage_log (api_key_id, occurred_at);

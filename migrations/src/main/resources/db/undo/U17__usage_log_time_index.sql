-- Undo of V17: the usage log's time index, and the notification queue depth function of
-- R__notification_queue_depth.sql, which came in the same change.
DROP INDEX IF EXISTS usage_log_occurred_at_brin_idx;
DROP FUNCTION IF EXISTS meridian_notification_queue_depth();

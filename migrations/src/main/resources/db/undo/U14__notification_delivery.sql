-- Undo of V14: back to one log row per notification and channel (the latest attempt's row is kept), and no
-- delivery settings or retry state.
ALTER TABLE notification_log DROP CONSTRAINT notification_log_notification_id_channel_attempt_key;
DELETE FROM notification_log l
 WHERE EXISTS (SELECT 1 FROM notification_log newer
                WHERE newer.notification_id = l.notification_id AND newer.channel = l.channel
                  AND newer.attempt > l.attempt);
ALTER TABLE notification_log RENAME COLUMN attempt TO attempts;
ALTER TABLE notification_log
  ADD CONSTRAINT notification_log_notification_id_channel_key UNIQUE (notification_id, channel);

DROP INDEX notification_pending_idx;
ALTER TABLE notification DROP COLUMN next_attempt_at, DROP COLUMN attempts;
CREATE INDEX notification_pending_idx ON notification (created_at) WHERE status = 'pending';

ALTER TABLE app_user DROP COLUMN email;
ALTER TABLE organization DROP CONSTRAINT organization_webhook_has_secret,
  DROP COLUMN email_notifications, DROP COLUMN webhook_secret, DROP COLUMN webhook_url;

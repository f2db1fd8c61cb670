-- Notification delivery: where an organization's notifications go (a signed webhook, e-mail to its users),
-- the users' e-mail addresses, each notification's retry state, and one log row per delivery attempt.

-- The webhook secret signs every delivery (HMAC-SHA256), so it is kept as given, not hashed: the database is
-- the secret's home, like the application role's own password. A URL always comes with a secret.
ALTER TABLE organization
  ADD COLUMN webhook_url text CHECK (webhook_url ~ '^https?://[^\s]+$' AND length(webhook_url) <= 2000),
  ADD COLUMN webhook_secret text CHECK (length(webhook_secret) BETWEEN 16 AND 200),
  ADD COLUMN email_notifications boolean NOT NULL DEFAULT false,
  ADD CONSTRAINT organization_webhook_has_secret CHECK ((webhook_url IS NULL) = (webhook_secret IS NULL));

ALTER TABLE app_user
  ADD COLUMN email text CHECK (email ~ '^[^@\s]+@[^@\s]+$' AND length(email) <= 320);

-- attempts made so far and when the next one is due; the dispatcher's queue is the pending rows by due time
ALTER TABLE notification
  ADD COLUMN attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  ADD COLUMN next_attempt_at timestamptz NOT NULL DEFAULT now();
DROP INDEX notification_pending_idx;
CREATE INDEX notification_pending_idx ON notification (next_attempt_at) WHERE status = 'pending';

-- Every attempt on every channel is a row of its own (it was one row per channel, overwritten by each
-- attempt): attempt is the notification's attempt number the row records.
ALTER TABLE notification_log DROP CONSTRAINT notification_log_notification_id_channel_key;
ALTER TABLE notification_log RENAME COLUMN attempts TO attempt;
ALTER TABLE notification_log
  ADD CONSTRAINT notification_log_notification_id_channel_attempt_key UNIQUE (notification_id, channel, attempt);

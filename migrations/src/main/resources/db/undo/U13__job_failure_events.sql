-- Undo of V13: the kinds of V7 again. Events of the kind that goes are deleted with it (the old check would
-- refuse them), and with them the drop functions of R__partition_retention.sql, which came in the same change.
DELETE FROM security_event WHERE kind = 'job_failed';
ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check
  CHECK (kind IN ('login_failed', 'key_rejected', 'key_revoked', 'quota_exceeded', 'rate_limited',
                  'cross_tenant_attempt', 'platform_scope'));
DROP FUNCTION IF EXISTS meridian_drop_expired_usage_partitions(integer);
DROP FUNCTION IF EXISTS meridian_drop_expired_change_log_partitions(integer);
DROP FUNCTION IF EXISTS meridian_drop_monthly_partitions_before(regclass, date);

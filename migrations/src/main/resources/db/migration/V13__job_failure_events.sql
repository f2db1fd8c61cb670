-- A scheduled job that failed on its last retry raises a security event of kind 'job_failed' (platform-level,
-- no tenant; its detail names the job, the attempts and the error), so an operator sees it beside the other
-- events in the admin portal instead of only in a log line. The kinds are a CHECK of V7: replaced, not edited.
ALTER TABLE security_event DROP CONSTRAINT security_event_kind_check;
ALTER TABLE security_event ADD CONSTRAINT security_event_kind_check
  CHECK (kind IN ('login_failed', 'key_rejected', 'key_revoked', 'quota_exceeded', 'rate_limited',
                  'cross_tenant_attempt', 'platform_scope', 'job_failed'));

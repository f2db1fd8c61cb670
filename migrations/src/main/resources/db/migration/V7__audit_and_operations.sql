-- Audit and operations: the change log (partitioned by month, written only by the trigger in
-- R__0_audit_helpers.sql), security events, row-count and system health snapshots, support tickets and their
-- messages. Grants and policies are in R__audit_policies.sql and R__operations_policies.sql.
--
-- Append-only records (change_log, security_event, the snapshots) carry no version and no updated_at: nothing
-- ever changes them (the application role may not), and their own time column is their creation time. Audit
-- rows carry no foreign keys: the trail must outlive the rows, users and organizations it describes.

CREATE TABLE change_log (
  -- a bigint from one sequence (see usage_log in V6); the trigger's insert is the only writer
  id              bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at     timestamptz NOT NULL DEFAULT now(),
  -- null for platform-level tables (plans, permissions, geography); the row's own id for an organization
  organization_id uuid,
  table_name      text NOT NULL,
  operation       text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
  row_id          uuid NOT NULL,
  old_row         jsonb,
  new_row         jsonb,
  -- who acted, from the transaction's settings; null when no one was set (a superuser at work)
  actor_user_id   uuid,
  actor_tenant_id uuid,
  scope           text CHECK (scope IN ('tenant', 'platform')),
  CHECK ((old_row IS NULL) = (operation = 'INSERT') AND (new_row IS NULL) = (operation = 'DELETE')),
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

CREATE INDEX change_log_organization_id_occurred_at_idx ON change_log (organization_id, occurred_at);
-- the history of one row
CREATE INDEX change_log_table_name_row_id_idx ON change_log (table_name, row_id);
CREATE INDEX change_log_actor_user_id_occurred_at_idx ON change_log (actor_user_id, occurred_at);

-- The change log's months, through the helper of V6 (SECURITY DEFINER for the same reason).
CREATE FUNCTION meridian_ensure_change_log_partitions(p_from date, p_months integer) RETURNS integer
  LANGUAGE sql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$ SELECT meridian_ensure_monthly_partitions('public.change_log', p_from, p_months) $$;
REVOKE ALL ON FUNCTION meridian_ensure_change_log_partitions(date, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_ensure_change_log_partitions(date, integer) TO "${appRole}";

SELECT meridian_ensure_change_log_partitions((now() AT TIME ZONE 'UTC')::date, 3);

CREATE TABLE security_event (
  id              uuid PRIMARY KEY,
  -- null when no tenant is known (an unknown username or key prefix)
  organization_id uuid,
  kind            text NOT NULL CHECK (kind IN ('login_failed', 'key_rejected', 'key_revoked', 'quota_exceeded',
                                               'rate_limited', 'cross_tenant_attempt', 'platform_scope')),
  actor_user_id   uuid,
  detail          jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
  occurred_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX security_event_organization_id_occurred_at_idx ON security_event (organization_id, occurred_at);
CREATE INDEX security_event_kind_occurred_at_idx ON security_event (kind, occurred_at);

-- Platform-level operational data: no tenant, platform scope only.
CREATE TABLE row_count_snapshot (
  id         uuid PRIMARY KEY,
  table_name text NOT NULL,
  row_count  bigint NOT NULL CHECK (row_count >= 0),
  taken_at   timestamptz NOT NULL,
  UNIQUE (table_name, taken_at)
);

CREATE TABLE system_health_snapshot (
  id                       uuid PRIMARY KEY,
  taken_at                 timestamptz NOT NULL,
  -- system load average; null where the platform does not report one
  cpu_load                 double precision CHECK (cpu_load >= 0),
  heap_used_bytes          bigint NOT NULL CHECK (heap_used_bytes >= 0),
  heap_max_bytes           bigint NOT NULL CHECK (heap_max_bytes >= 0),
  disk_free_bytes          bigint NOT NULL CHECK (disk_free_bytes >= 0),
  pool_in_use              integer NOT NULL CHECK (pool_in_use >= 0),
  db_connections           integer NOT NULL CHECK (db_connections >= 0),
  notification_queue_depth bigint NOT NULL CHECK (notification_queue_depth >= 0),
  -- recent response-time percentiles; null when there were no requests
  p50_ms                   double precision CHECK (p50_ms >= 0),
  p95_ms                   double precision CHECK (p95_ms >= p50_ms),
  p99_ms                   double precision CHECK (p99_ms >= p95_ms),
  status                   text NOT NULL CHECK (status IN ('UP', 'DEGRADED', 'DOWN'))
);
CREATE INDEX system_health_snapshot_taken_at_idx ON system_health_snapshot (taken_at);

-- A tenant's support request. Status: open (waiting for support), pending (waiting for the tenant), closed.
CREATE TABLE support_ticket (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  author_user_id  uuid NOT NULL,
  subject         text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  status          text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'closed')),
  closed_at       timestamptz,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL)),
  -- the author is a user of the ticket's own organization
  FOREIGN KEY (organization_id, author_user_id) REFERENCES app_user (organization_id, id),
  -- lets messages reference (tenant, ticket) so a message can never hang on another tenant's ticket
  UNIQUE (organization_id, id)
);
CREATE INDEX support_ticket_organization_id_status_idx ON support_ticket (organization_id, status);
CREATE INDEX support_ticket_organization_id_author_user_id_idx ON support_ticket (organization_id, author_user_id);

-- A message on a ticket, written either by a user of the ticket's organization (author_user_id) or by
-- platform support (support_user_id: a platform admin, who belongs to the platform's own organization, so
-- the tenant-bound foreign key cannot hold it). Only platform scope may write a support message (policy).
CREATE TABLE ticket_message (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  ticket_id       uuid NOT NULL,
  author_user_id  uuid,
  support_user_id uuid REFERENCES app_user (id),
  body            text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(author_user_id, support_user_id) = 1),
  FOREIGN KEY (organization_id, ticket_id) REFERENCES support_ticket (organization_id, id) ON DELETE CASCADE,
  FOREIGN KEY (organization_id, author_user_id) REFERENCES app_user (organization_id, id)
);
CREATE INDEX ticket_message_organization_id_ticket_id_idx ON ticket_message (organization_id, ticket_id, created_at);
CREATE INDEX ticket_message_organization_id_author_user_id_idx ON ticket_message (organization_id, author_user_id);
CREATE INDEX ticket_message_support_user_id_idx ON ticket_message (support_user_id);

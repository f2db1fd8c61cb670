-- Notifications: change events waiting to be fanned out, the per-user notification queue fed from location
-- follows, and the delivery log per channel. Grants and row-level security are in
-- R__notifications_policies.sql.

-- Something changed about a place (tenant data: organization_id set) or a location (shared geography:
-- organization_id NULL, so only platform scope sees or writes it). location_id is where followers are
-- found: the place's location, or the location itself. subject_id has no foreign key on purpose: the event
-- outlives a deleted place.
CREATE TABLE change_event (
  id              uuid PRIMARY KEY,
  organization_id uuid REFERENCES organization (id) ON DELETE CASCADE,
  subject_type    text NOT NULL CHECK (subject_type IN ('place', 'location')),
  subject_id      uuid NOT NULL,
  location_id     uuid NOT NULL REFERENCES location (id) ON DELETE CASCADE,
  kind            text NOT NULL CHECK (kind ~ '^[a-z]+(_[a-z]+)*$'),
  payload         jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(payload) = 'object'),
  processed_at    timestamptz,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT change_event_place_has_tenant CHECK (subject_type = 'location' OR organization_id IS NOT NULL)
);
CREATE INDEX change_event_organization_id_created_at_idx ON change_event (organization_id, created_at);
CREATE INDEX change_event_location_id_idx ON change_event (location_id);
-- the fan-out's work list stays small however long the history grows
CREATE INDEX change_event_pending_idx ON change_event (created_at) WHERE processed_at IS NULL;

CREATE TABLE notification (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  change_event_id uuid NOT NULL REFERENCES change_event (id) ON DELETE CASCADE,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed', 'read')),
  read_at         timestamptz,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notification_read_has_time CHECK ((status = 'read') = (read_at IS NOT NULL)),
  -- one notification per user and event, so a repeated fan-out adds nothing; serves the user_id policy
  CONSTRAINT notification_user_id_change_event_id_key UNIQUE (user_id, change_event_id),
  -- lets log rows reference (tenant, notification)
  CONSTRAINT notification_organization_id_id_key UNIQUE (organization_id, id),
  CONSTRAINT notification_user_fkey FOREIGN KEY (organization_id, user_id)
    REFERENCES app_user (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_change_event_id_idx ON notification (change_event_id);
-- the dispatcher's queue, and its depth for health snapshots
CREATE INDEX notification_pending_idx ON notification (created_at) WHERE status = 'pending';

-- One row per notification and channel; attempts counts the tries, the timing and cost are the last one's.
CREATE TABLE notification_log (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  notification_id uuid NOT NULL,
  channel         text NOT NULL CHECK (channel IN ('webhook', 'email')),
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts        integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  started_at      timestamptz,
  finished_at     timestamptz CHECK (finished_at >= started_at),
  duration_ms     integer CHECK (duration_ms >= 0),
  provider_id     text CHECK (length(provider_id) <= 200),
  cost            numeric(12, 6) NOT NULL DEFAULT 0 CHECK (cost >= 0),
  error           text,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT notification_log_notification_id_channel_key UNIQUE (notification_id, channel),
  CONSTRAINT notification_log_notification_fkey FOREIGN KEY (organization_id, notification_id)
    REFERENCES notification (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_log_organization_id_created_at_idx ON notification_log (organization_id, created_at);

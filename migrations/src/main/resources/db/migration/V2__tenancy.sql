-- Tenancy and identity: plans, organizations (the tenants), users, permissions, API keys,
-- pending users and password reset tokens. Policies, grants and functions are in R__ scripts.

CREATE TABLE plan (
  id                       uuid PRIMARY KEY,
  code                     text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
  name                     text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  monthly_request_quota    bigint NOT NULL CHECK (monthly_request_quota >= 0),
  requests_per_minute      integer NOT NULL CHECK (requests_per_minute > 0),
  price_per_thousand_calls numeric(12, 4) NOT NULL CHECK (price_per_thousand_calls >= 0),
  version                  bigint NOT NULL DEFAULT 0,
  created_at               timestamptz NOT NULL DEFAULT now(),
  updated_at               timestamptz NOT NULL DEFAULT now()
);

INSERT INTO plan (id, code, name, monthly_request_quota, requests_per_minute, price_per_thousand_calls) VALUES
  ('00000000-0000-4000-8000-000000000001', 'free', 'Free', 10000, 60, 0),
  ('00000000-0000-4000-8000-000000000002', 'standard', 'Standard', 1000000, 600, 0.5000),
  ('00000000-0000-4000-8000-000000000003', 'enterprise', 'Enterprise', 50000000, 6000, 0.2500);

CREATE TABLE organization (
  id         uuid PRIMARY KEY,
  slug       text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  language   text NOT NULL DEFAULT 'en' CHECK (language ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  public     boolean NOT NULL DEFAULT false,
  active     boolean NOT NULL DEFAULT true,
  plan_id    uuid NOT NULL REFERENCES plan (id),
  version    bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organization_plan_id_idx ON organization (plan_id);

CREATE TABLE app_user (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  username        text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  password_hash   text NOT NULL,
  full_name       text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  role            text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
  platform_admin  boolean NOT NULL DEFAULT false,
  active          boolean NOT NULL DEFAULT true,
  last_login_at   timestamptz,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- lets child rows reference (tenant, user) so a row can never point at another tenant's user
  UNIQUE (organization_id, id)
);
-- usernames are unique across the platform, whatever the tenant
CREATE UNIQUE INDEX app_user_username_key ON app_user (username);

CREATE TABLE permission (
  id          uuid PRIMARY KEY,
  code        text NOT NULL UNIQUE CHECK (code ~ '^[a-z]+(\.[a-z]+)*$'),
  description text NOT NULL,
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

INSERT INTO permission (id, code, description) VALUES
  ('00000000-0000-4000-8001-000000000001', 'places.write', 'Create, edit and delete places'),
  ('00000000-0000-4000-8001-000000000002', 'reviews.moderate', 'Edit and delete any review of the organization'),
  ('00000000-0000-4000-8001-000000000003', 'keys.manage', 'Create and revoke API keys of other users'),
  ('00000000-0000-4000-8001-000000000004', 'billing.read', 'Read usage and statements');

CREATE TABLE user_permission (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  permission_id   uuid NOT NULL REFERENCES permission (id),
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, permission_id),
  FOREIGN KEY (organization_id, user_id) REFERENCES app_user (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX user_permission_permission_id_idx ON user_permission (permission_id);

CREATE TABLE api_key (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  -- the visible part of the key, also its lookup handle; the secret is kept only as a SHA-256 hash
  prefix          text NOT NULL UNIQUE CHECK (prefix ~ '^[a-z0-9]{12}$'),
  secret_hash     text NOT NULL CHECK (secret_hash ~ '^[0-9a-f]{64}$'),
  scopes          text NOT NULL DEFAULT '',
  last_used_at    timestamptz,
  expires_at      timestamptz,
  revoked_at      timestamptz,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, user_id) REFERENCES app_user (organization_id, id) ON DELETE CASCADE
);

CREATE TABLE pending_user (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  username        text NOT NULL CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
  email           text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  full_name       text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  role            text NOT NULL CHECK (role IN ('owner', 'admin', 'member', 'viewer')),
  token_hash      text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  expires_at      timestamptz NOT NULL,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE password_reset_token (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  token_hash      text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  expires_at      timestamptz NOT NULL,
  used_at         timestamptz,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (organization_id, user_id) REFERENCES app_user (organization_id, id) ON DELETE CASCADE
);

-- Every column a policy reads is indexed (organization.id is its primary key).
CREATE INDEX app_user_organization_id_idx ON app_user (organization_id);
CREATE INDEX user_permission_organization_id_idx ON user_permission (organization_id);
CREATE INDEX api_key_organization_id_idx ON api_key (organization_id);
CREATE INDEX api_key_user_id_idx ON api_key (user_id);
CREATE INDEX pending_user_organization_id_idx ON pending_user (organization_id);
CREATE INDEX password_reset_token_organization_id_idx ON password_reset_token (organization_id);
CREATE INDEX password_reset_token_user_id_idx ON password_reset_token (user_id);

-- Places: categories (reference data), each tenant's places, and what its users do with them: reviews,
-- preferences and location follows. Grants, row-level security and the rating trigger are in
-- R__places_policies.sql and R__places_ratings.sql.
--
-- Every child row carries organization_id and reaches its parents through composite foreign keys
-- (organization_id, user_id) and (organization_id, place_id), so no row can point into another tenant.

CREATE TABLE category (
  id         uuid PRIMARY KEY,
  code       text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9_-]{0,39}$'),
  name       text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  version    bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

INSERT INTO category (id, code, name) VALUES
  ('00000000-0000-4000-8002-000000000001', 'restaurant', 'Restaurant'),
  ('00000000-0000-4000-8002-000000000002', 'cafe', 'Café'),
  ('00000000-0000-4000-8002-000000000003', 'bar', 'Bar'),
  ('00000000-0000-4000-8002-000000000004', 'hotel', 'Hotel'),
  ('00000000-0000-4000-8002-000000000005', 'museum', 'Museum'),
  ('00000000-0000-4000-8002-000000000006', 'park', 'Park'),
  ('00000000-0000-4000-8002-000000000007', 'shop', 'Shop'),
  ('00000000-0000-4000-8002-000000000008', 'landmark', 'Landmark');

CREATE TABLE place (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL REFERENCES organization (id),
  location_id     uuid NOT NULL REFERENCES location (id),
  category_id     uuid REFERENCES category (id),
  external_ref    text CHECK (length(external_ref) BETWEEN 1 AND 200),
  name            text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  lat             double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng             double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  -- space-separated type codes, e.g. 'food vegan takeaway'
  types           text NOT NULL DEFAULT '' CHECK (types ~ '^([a-z0-9_]+( [a-z0-9_]+)*)?$'),
  description     text CHECK (length(description) <= 4000),
  opening_hours   jsonb CHECK (jsonb_typeof(opening_hours) = 'object'),
  -- Kept by the review trigger (R__places_ratings.sql), never written by the application: the average of
  -- the reviews to 2 decimals, NULL while there are none (0 would read as the worst rating and drag
  -- averages down), their number, and the sum that lets the trigger update both exactly and incrementally.
  rating          numeric(3, 2) CHECK (rating BETWEEN 1 AND 5),
  ratings_total   integer NOT NULL DEFAULT 0 CHECK (ratings_total >= 0),
  ratings_sum     bigint NOT NULL DEFAULT 0,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT place_rating_consistent CHECK ((ratings_total = 0) = (rating IS NULL)
                                            AND ratings_sum BETWEEN ratings_total AND 5 * ratings_total::bigint),
  -- lets reviews reference (tenant, place)
  CONSTRAINT place_organization_id_id_key UNIQUE (organization_id, id)
);
CREATE UNIQUE INDEX place_organization_id_external_ref_key ON place (organization_id, external_ref)
  WHERE external_ref IS NOT NULL;
-- Spatial search under RLS: float8 comparisons are leakproof, so a bounding box on lat/lng rides this
-- index together with the policy's organization_id (earthdistance/cube operators are not leakproof and
-- would not be pushed into an index scan under RLS).
CREATE INDEX place_organization_id_lat_lng_idx ON place (organization_id, lat, lng);
CREATE INDEX place_location_id_idx ON place (location_id);
CREATE INDEX place_category_id_idx ON place (category_id);

CREATE TABLE review (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  place_id        uuid NOT NULL,
  user_id         uuid NOT NULL,
  rating          smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment         text CHECK (length(comment) <= 4000),
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- one review per user and place; the index also serves the user_id policy and foreign key
  CONSTRAINT review_user_id_place_id_key UNIQUE (user_id, place_id),
  CONSTRAINT review_place_fkey FOREIGN KEY (organization_id, place_id)
    REFERENCES place (organization_id, id) ON DELETE CASCADE,
  CONSTRAINT review_user_fkey FOREIGN KEY (organization_id, user_id)
    REFERENCES app_user (organization_id, id) ON DELETE CASCADE
);
-- a place's reviews, within the tenant the policy adds
CREATE INDEX review_organization_id_place_id_idx ON review (organization_id, place_id);

CREATE TABLE preference (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  category_id     uuid NOT NULL REFERENCES category (id) ON DELETE CASCADE,
  weight          numeric(3, 2) NOT NULL CHECK (weight BETWEEN 0 AND 1),
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT preference_user_id_category_id_key UNIQUE (user_id, category_id),
  CONSTRAINT preference_user_fkey FOREIGN KEY (organization_id, user_id)
    REFERENCES app_user (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX preference_organization_id_idx ON preference (organization_id);
CREATE INDEX preference_category_id_idx ON preference (category_id);

CREATE TABLE location_follow (
  id              uuid PRIMARY KEY,
  organization_id uuid NOT NULL,
  user_id         uuid NOT NULL,
  location_id     uuid NOT NULL REFERENCES location (id) ON DELETE CASCADE,
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT location_follow_user_id_location_id_key UNIQUE (user_id, location_id),
  CONSTRAINT location_follow_user_fkey FOREIGN KEY (organization_id, user_id)
    REFERENCES app_user (organization_id, id) ON DELETE CASCADE
);
-- a location's followers in a tenant: the notification fan-out
CREATE INDEX location_follow_organization_id_location_id_idx ON location_follow (organization_id, location_id);
CREATE INDEX location_follow_location_id_idx ON location_follow (location_id);

-- Geography, the reference data every tenant shares: the location hierarchy (state → county → locality),
-- the geocode cache and the seasons of a location. Grants and row-level security (everyone reads, only
-- platform scope writes) are in R__geography_policies.sql.

-- Trusted extensions (PostgreSQL 13+): the database owner, who runs the migrations, may create them.
-- btree_gist lets one GiST index combine uuid equality with range overlap (seasons) and with trigram
-- matching (place typeahead); pg_trgm backs the typeahead read models.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE location (
  id           uuid PRIMARY KEY,
  parent_id    uuid,
  level        text NOT NULL CHECK (level IN ('state', 'county', 'locality')),
  -- the level the parent must have, derived: the composite foreign key below enforces the hierarchy
  parent_level text GENERATED ALWAYS AS (CASE level WHEN 'county' THEN 'state' WHEN 'locality' THEN 'county' END) STORED,
  code         text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$'),
  name         text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  lat          double precision NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lng          double precision NOT NULL CHECK (lng BETWEEN -180 AND 180),
  time_zone    text NOT NULL CHECK (time_zone ~ '^[A-Za-z]+(/[A-Za-z0-9_+-]+)*$'),
  version      bigint NOT NULL DEFAULT 0,
  created_at   timestamptz NOT NULL DEFAULT now(),
  updated_at   timestamptz NOT NULL DEFAULT now(),
  -- states, and only states, are roots
  CONSTRAINT location_root_is_state CHECK ((level = 'state') = (parent_id IS NULL)),
  CONSTRAINT location_id_level_key UNIQUE (id, level),
  -- a county's parent is a state, a locality's a county
  CONSTRAINT location_parent_fkey FOREIGN KEY (parent_id, parent_level) REFERENCES location (id, level),
  -- codes are unique among siblings (this index also serves the parent foreign key) ...
  CONSTRAINT location_parent_id_code_key UNIQUE (parent_id, code)
);
-- ... and among states, whose parent is NULL (NULLs are distinct in the constraint above)
CREATE UNIQUE INDEX location_state_code_key ON location (code) WHERE parent_id IS NULL;

-- A normalized query (lower case, single spaces, trimmed) answered once: its location, or NULL when the
-- geocoder found nothing, so a miss is not asked again either.
CREATE TABLE geocode_cache (
  id               uuid PRIMARY KEY,
  normalized_query text NOT NULL UNIQUE
    CHECK (length(normalized_query) BETWEEN 1 AND 500
           AND normalized_query = lower(btrim(regexp_replace(normalized_query, '\s+', ' ', 'g')))),
  location_id      uuid REFERENCES location (id) ON DELETE CASCADE,
  hits             bigint NOT NULL DEFAULT 0 CHECK (hits >= 0),
  version          bigint NOT NULL DEFAULT 0,
  created_at       timestamptz NOT NULL DEFAULT now(),
  updated_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX geocode_cache_location_id_idx ON geocode_cache (location_id);

-- Named date ranges of a location, [start, end) as daterange always is; two seasons of one location never
-- overlap (adjacent is fine). The exclusion constraint's GiST index leads with location_id, so it also
-- serves the foreign key.
CREATE TABLE season (
  id          uuid PRIMARY KEY,
  location_id uuid NOT NULL REFERENCES location (id) ON DELETE CASCADE,
  name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
  during      daterange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during) AND NOT upper_inf(during)),
  version     bigint NOT NULL DEFAULT 0,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT season_no_overlap EXCLUDE USING gist (location_id WITH =, during WITH &&)
);

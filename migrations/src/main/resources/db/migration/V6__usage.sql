-- Usage and billing: the per-request usage log (partitioned by month), the per-day per-key rollup, daily
-- metrics per organization, and the monthly partition helper that the change log (V7) shares.
-- Grants and policies are in R__usage_policies.sql, the monthly statement view in R__usage_statement.sql.
--
-- History outlives what it describes: the log and the rollups carry no foreign keys, so deleting a key, a user
-- or an organization never rewrites or blocks billing history, and batch inserts check nothing but the row.

-- Monthly range partitions of a table partitioned by a timestamptz column, named <table>_yYYYYmMM, covering
-- whole UTC months from the month of p_from on. Idempotent and safe to run concurrently; returns how many
-- partitions it created. A partition gets row-level security enabled and forced with no policy of its own and
-- no grant: the application reaches rows only through the parent, whose policies apply there (PostgreSQL does
-- not apply a partition's own policies to queries on the parent), and direct access to a partition finds
-- nothing to allow it. Defined here, not in a repeatable script, because this migration calls it.
--
-- No DEFAULT partition, on purpose: a row outside every partition fails loudly, while a default partition
-- would quietly collect it and then make creating that month's partition fail ("updated partition constraint
-- for default partition would be violated"). The partition job keeps months ahead instead (issue 6).
CREATE FUNCTION meridian_ensure_monthly_partitions(p_parent regclass, p_from date, p_months integer)
  RETURNS integer
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
DECLARE
  parent_name text;
  first_month date := date_trunc('month', p_from)::date;
  month date;
  partition_name text;
  created integer := 0;
BEGIN
  IF p_from IS NULL OR p_months IS NULL OR p_months NOT BETWEEN 1 AND 24 THEN
    RAISE EXCEPTION 'partitions: from a date, for 1 to 24 months (got %, %)', p_from, p_months;
  END IF;
  SELECT c.relname INTO parent_name
  FROM pg_class c
  WHERE c.oid = p_parent AND c.relkind = 'p' AND c.relnamespace = 'public'::regnamespace;
  IF parent_name IS NULL THEN
    RAISE EXCEPTION 'partitions: % is not a partitioned table of schema public', p_parent;
  END IF;
  -- two runners (cluster instances, a job and an operator) take turns instead of racing on the catalog
  PERFORM pg_advisory_xact_lock(hashtext('meridian_ensure_monthly_partitions'), hashtext(parent_name));
  FOR i IN 0 .. p_months - 1 LOOP
    month := (first_month + make_interval(months => i))::date;
    partition_name := parent_name || to_char(month, '"_y"YYYY"m"MM');
    CONTINUE WHEN to_regclass(format('public.%I', partition_name)) IS NOT NULL;
    -- UTC month boundaries, whatever the session's time zone
    EXECUTE format('CREATE TABLE public.%I PARTITION OF public.%I FOR VALUES FROM (%L) TO (%L)',
                   partition_name, parent_name,
                   month::timestamp AT TIME ZONE 'UTC',
                   (month + interval '1 month')::timestamp AT TIME ZONE 'UTC');
    EXECUTE format('ALTER TABLE public.%I ENABLE ROW LEVEL SECURITY', partition_name);
    EXECUTE format('ALTER TABLE public.%I FORCE ROW LEVEL SECURITY', partition_name);
    -- nothing is granted on a new table, unless someone adds default privileges later: take them back
    EXECUTE format('REVOKE ALL ON public.%I FROM PUBLIC, %I, %I', partition_name, '${appRole}', '${readonlyRole}');
    created := created + 1;
  END LOOP;
  RETURN created;
END
$$;
REVOKE ALL ON FUNCTION meridian_ensure_monthly_partitions(regclass, date, integer) FROM PUBLIC;

CREATE TABLE usage_log (
  -- a bigint from one sequence: half a uuid's size, appended in order, unique across partitions; nothing
  -- references a log row, so no version either: a request is logged once and never changed
  id              bigint GENERATED ALWAYS AS IDENTITY,
  occurred_at     timestamptz NOT NULL,
  request_bytes   bigint NOT NULL DEFAULT 0 CHECK (request_bytes >= 0),
  response_bytes  bigint NOT NULL DEFAULT 0 CHECK (response_bytes >= 0),
  organization_id uuid NOT NULL,
  api_key_id      uuid,
  user_id         uuid,
  duration_ms     integer NOT NULL CHECK (duration_ms >= 0),
  status          smallint NOT NULL CHECK (status BETWEEN 100 AND 599),
  method          text NOT NULL CHECK (method IN ('GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS')),
  -- the matched route template (/api/v1/places/{id}), never the raw path with ids and query
  route           text NOT NULL CHECK (length(route) BETWEEN 1 AND 200),
  -- the partition key must be part of every unique constraint of a partitioned table
  PRIMARY KEY (id, occurred_at)
) PARTITION BY RANGE (occurred_at);

-- Indexes on the parent are created on every partition, present and future.
CREATE INDEX usage_log_organization_id_occurred_at_idx ON usage_log (organization_id, occurred_at);
CREATE INDEX usage_log_api_key_id_occurred_at_idx ON usage_log (api_key_id, occurred_at);
-- "my usage" per user
CREATE INDEX usage_log_user_id_occurred_at_idx ON usage_log (user_id, occurred_at);

-- The usage log's months: a thin, callable entry to the shared helper. SECURITY DEFINER because the scheduled
-- job runs as the application role, which may create no table itself; the partitions belong to the owner.
CREATE FUNCTION meridian_ensure_usage_partitions(p_from date, p_months integer) RETURNS integer
  LANGUAGE sql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$ SELECT meridian_ensure_monthly_partitions('public.usage_log', p_from, p_months) $$;
REVOKE ALL ON FUNCTION meridian_ensure_usage_partitions(date, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_ensure_usage_partitions(date, integer) TO "${appRole}";

-- this month and the next two (UTC)
SELECT meridian_ensure_usage_partitions((now() AT TIME ZONE 'UTC')::date, 3);

-- One row per organization, API key and day, written by the nightly rollup (an upsert, hence the defaults);
-- rows without a key (requests signed in with a password) roll up under a null key.
CREATE TABLE usage_daily (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  api_key_id      uuid,
  day             date NOT NULL,
  calls           bigint NOT NULL CHECK (calls >= 0),
  errors          bigint NOT NULL CHECK (errors BETWEEN 0 AND calls),
  avg_duration_ms double precision NOT NULL CHECK (avg_duration_ms >= 0),
  p95_duration_ms integer NOT NULL CHECK (p95_duration_ms >= 0),
  request_bytes   bigint NOT NULL CHECK (request_bytes >= 0),
  response_bytes  bigint NOT NULL CHECK (response_bytes >= 0),
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  -- a key belongs to one organization, so this is "one row per key and day", with the keyless rows of each
  -- organization counted as one key; it also leads with the policy column
  CONSTRAINT usage_daily_organization_id_api_key_id_day_key
    UNIQUE NULLS NOT DISTINCT (organization_id, api_key_id, day)
);
CREATE INDEX usage_daily_api_key_id_day_idx ON usage_daily (api_key_id, day);

CREATE TABLE daily_metrics (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  organization_id uuid NOT NULL,
  day             date NOT NULL,
  requests        bigint NOT NULL DEFAULT 0 CHECK (requests >= 0),
  errors          bigint NOT NULL DEFAULT 0 CHECK (errors BETWEEN 0 AND requests),
  new_users       integer NOT NULL DEFAULT 0 CHECK (new_users >= 0),
  active_users    integer NOT NULL DEFAULT 0 CHECK (active_users >= 0),
  reviews         integer NOT NULL DEFAULT 0 CHECK (reviews >= 0),
  notifications   integer NOT NULL DEFAULT 0 CHECK (notifications >= 0),
  -- what the organization's notifications cost that day (provider charges), in the platform's currency
  cost            numeric(14, 4) NOT NULL DEFAULT 0 CHECK (cost >= 0),
  version         bigint NOT NULL DEFAULT 0,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (organization_id, day)
);

-- Retention for the monthly partitions of V6 and V7 (usage log, change log): whole months past retention are
-- dropped, never single rows. Re-applied whenever this file changes.
--
-- Dropping a partition needs its owner, and the application role owns nothing: the scheduled job calls the two
-- SECURITY DEFINER entries below, which run as the owner with a fixed search_path, each for its own table only,
-- and take nothing from the caller but a number of months. The shared helper is granted to no one.

-- Drops the partitions of p_parent named <table>_yYYYYmMM (as meridian_ensure_monthly_partitions names them)
-- whose month ends on or before p_before; returns how many it dropped. A partition named otherwise is never
-- touched. Serialized with partition creation on the same advisory lock.
CREATE OR REPLACE FUNCTION meridian_drop_monthly_partitions_before(p_parent regclass, p_before date)
  RETURNS integer
  LANGUAGE plpgsql
  SET search_path = pg_catalog, public
AS $$
DECLARE
  parent_name text;
  partition_name text;
  dropped integer := 0;
BEGIN
  IF p_before IS NULL THEN
    RAISE EXCEPTION 'partitions: a date to drop before is required';
  END IF;
  SELECT c.relname INTO parent_name
  FROM pg_class c
  WHERE c.oid = p_parent AND c.relkind = 'p' AND c.relnamespace = 'public'::regnamespace;
  IF parent_name IS NULL THEN
    RAISE EXCEPTION 'partitions: % is not a partitioned table of schema public', p_parent;
  END IF;
  PERFORM pg_advisory_xact_lock(hashtext('meridian_ensure_monthly_partitions'), hashtext(parent_name));
  FOR partition_name IN
    SELECT c.relname
    FROM pg_inherits i
    JOIN pg_class c ON c.oid = i.inhrelid
    WHERE i.inhparent = p_parent
      AND c.relname ~ ('^' || parent_name || '_y[0-9]{4}m(0[1-9]|1[0-2])$')
      -- the month after the partition's own is where it ends
      AND (to_date(right(c.relname, 8), '"y"YYYY"m"MM') + interval '1 month')::date <= p_before
    ORDER BY c.relname
  LOOP
    EXECUTE format('DROP TABLE public.%I', partition_name);
    dropped := dropped + 1;
  END LOOP;
  RETURN dropped;
END
$$;
REVOKE ALL ON FUNCTION meridian_drop_monthly_partitions_before(regclass, date) FROM PUBLIC;

-- Keeps this month (UTC) and the p_months whole months before it; drops older ones. At least one month is
-- always kept, and a retention longer than a century is refused as a mistake.
CREATE OR REPLACE FUNCTION meridian_drop_expired_usage_partitions(p_months integer) RETURNS integer
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  IF p_months IS NULL OR p_months NOT BETWEEN 1 AND 1200 THEN
    RAISE EXCEPTION 'usage retention: 1 to 1200 months (got %)', p_months;
  END IF;
  RETURN meridian_drop_monthly_partitions_before('public.usage_log',
      (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => p_months))::date);
END
$$;
REVOKE ALL ON FUNCTION meridian_drop_expired_usage_partitions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_drop_expired_usage_partitions(integer) TO "${appRole}";

CREATE OR REPLACE FUNCTION meridian_drop_expired_change_log_partitions(p_months integer) RETURNS integer
  LANGUAGE plpgsql
  SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
BEGIN
  IF p_months IS NULL OR p_months NOT BETWEEN 1 AND 1200 THEN
    RAISE EXCEPTION 'audit retention: 1 to 1200 months (got %)', p_months;
  END IF;
  RETURN meridian_drop_monthly_partitions_before('public.change_log',
      (date_trunc('month', now() AT TIME ZONE 'UTC') - make_interval(months => p_months))::date);
END
$$;
REVOKE ALL ON FUNCTION meridian_drop_expired_change_log_partitions(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_drop_expired_change_log_partitions(integer) TO "${appRole}";

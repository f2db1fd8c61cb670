-- Access to the read models of V8__read_models.sql, and their refresh. Re-applied whenever this file changes.
--
--   location_typeahead  geography only, which every tenant may read: granted as it is
--   place_typeahead,    tenant data and no row-level security (materialized views have none): no privilege
--   map_aggregate       for the application or reporting roles; they read tenant_place_typeahead and
--                       tenant_map_aggregate, security-barrier views owned by the owner that keep to the
--                       acting tenant, and meridian_place_typeahead(), which does the same with the index

GRANT SELECT ON location_typeahead TO "${appRole}", "${readonlyRole}";
REVOKE ALL ON place_typeahead, map_aggregate FROM PUBLIC, "${appRole}", "${readonlyRole}";

-- security_barrier: the caller's own conditions (which may call functions that leak their arguments, in
-- an error message for instance) are applied only to rows the tenant filter has already let through.
CREATE OR REPLACE VIEW tenant_place_typeahead WITH (security_barrier) AS
SELECT id, name, label, search_text, location_id, category_id, lat, lng, rating, ratings_total
FROM place_typeahead
WHERE organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid);

CREATE OR REPLACE VIEW tenant_map_aggregate WITH (security_barrier) AS
SELECT location_id, parent_id, level, name, lat, lng, places, reviews, average_rating
FROM map_aggregate
WHERE organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid);

REVOKE ALL ON tenant_place_typeahead, tenant_map_aggregate FROM PUBLIC;
GRANT SELECT ON tenant_place_typeahead, tenant_map_aggregate TO "${appRole}", "${readonlyRole}";

-- Typeahead with the index: behind the barrier view a LIKE or similarity condition, not being leakproof,
-- cannot join the tenant filter in an index scan. Here both sit in one WHERE, in a function the caller
-- cannot change, running as the owner (who may read the materialized view) and keeping to the caller's
-- tenant. Nearest matches first; at most 50.
CREATE OR REPLACE FUNCTION meridian_place_typeahead(p_query text, p_limit integer DEFAULT 10)
  RETURNS TABLE (id uuid, name text, label text, location_id uuid, category_id uuid, lat double precision,
                 lng double precision, rating numeric, ratings_total integer)
  LANGUAGE sql STABLE SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
  SELECT t.id, t.name, t.label, t.location_id, t.category_id, t.lat, t.lng, t.rating, t.ratings_total
  FROM public.place_typeahead t
  WHERE t.organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
    AND t.search_text LIKE '%' || replace(replace(replace(lower(p_query), '\', '\\'), '%', '\%'), '_', '\_') || '%'
  ORDER BY t.search_text OPERATOR(public.<->) lower(p_query), t.id
  LIMIT least(greatest(coalesce(p_limit, 10), 1), 50)
$$;
REVOKE ALL ON FUNCTION meridian_place_typeahead(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_place_typeahead(text, integer) TO "${appRole}", "${readonlyRole}";

-- Refreshing a materialized view requires owning it (PostgreSQL 15), and the application role owns
-- nothing. So the scheduled job calls this function, which runs as the owner (SECURITY DEFINER) with a
-- fixed search_path (no object of the caller's can stand in for ours), does nothing but refresh, and reads
-- place in platform scope: the owner is subject to place's forced row-level security, and the read models
-- must see every tenant. The caller's scope comes back before the function returns (and, on an error, the
-- transaction or savepoint that rolls back takes the setting with it). A function's SET clause cannot do
-- this for a custom setting without superuser rights. CONCURRENTLY keeps readers unblocked; a view never
-- populated yet is filled plainly first.
CREATE OR REPLACE FUNCTION meridian_refresh_read_models() RETURNS void
  LANGUAGE plpgsql SECURITY DEFINER
  SET search_path = pg_catalog, public
AS $$
DECLARE
  caller_scope constant text := coalesce(current_setting('app.scope', true), '');
  view_name text;
BEGIN
  PERFORM set_config('app.scope', 'platform', true);
  FOREACH view_name IN ARRAY ARRAY['location_typeahead', 'place_typeahead', 'map_aggregate'] LOOP
    IF (SELECT ispopulated FROM pg_matviews WHERE schemaname = 'public' AND matviewname = view_name) THEN
      EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY public.%I', view_name);
    ELSE
      EXECUTE format('REFRESH MATERIALIZED VIEW public.%I', view_name);
    END IF;
  END LOOP;
  PERFORM set_config('app.scope', caller_scope, true);
END
$$;
REVOKE ALL ON FUNCTION meridian_refresh_read_models() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_refresh_read_models() TO "${appRole}";

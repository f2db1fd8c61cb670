-- Recommendations near a point for the REST API. Re-applied whenever this file changes.
--
-- The acting tenant's places within p_radius_km (great-circle distance on a sphere of the Earth's mean radius,
-- 6,371.0088 km) of (p_lat, p_lng), best first by
--
--   score = 0.6 · the acting user's weight for the place's category (0 without a preference)
--         + 0.2 · rating / 5                                          (0 without reviews)
--         + 0.1 · min(1, log10(1 + ratings total) / 10)
--         + 0.1 · (1 − distance / radius)
--
-- then nearest first. Under forced row-level security PostgreSQL pushes only leakproof conditions into an index
-- scan, and earthdistance's and the geometric types' operators are not leakproof, so a GiST index on the point
-- would not be used here. Equality on uuid and comparisons of float8 are: the explicit tenant condition and
-- the bounding box of the circle (the exact latitude span, and the widest longitude span of a spherical cap)
-- ride place_organization_id_lat_lng_idx (V4) as one range scan, and only the places in the box are measured
-- and scored. A box that would cross the antimeridian or reach a pole takes every longitude instead. A SQL
-- function that PostgreSQL inlines into the calling statement; it runs as the caller, under the policies.
CREATE OR REPLACE FUNCTION meridian_recommendations(p_lat double precision, p_lng double precision,
                                                    p_radius_km double precision, p_limit integer)
  RETURNS TABLE (id uuid, name text, category text, location_id uuid, lat double precision, lng double precision,
                 rating numeric, ratings_total integer, distance_km double precision, score double precision)
  LANGUAGE sql STABLE
AS $$
  WITH circle AS (
    SELECT p_lat AS lat, p_lng AS lng, p_radius_km AS radius_km,
           degrees(p_radius_km / 6371.0088) AS dlat,
           CASE WHEN sin(p_radius_km / 6371.0088) < cos(radians(p_lat))
                THEN degrees(asin(sin(p_radius_km / 6371.0088) / cos(radians(p_lat)))) END AS dlng
  ), box AS (
    SELECT c.*,
           CASE WHEN c.dlng IS NOT NULL AND c.lng - c.dlng >= -180 AND c.lng + c.dlng <= 180
                THEN c.lng - c.dlng ELSE -180 END AS west,
           CASE WHEN c.dlng IS NOT NULL AND c.lng - c.dlng >= -180 AND c.lng + c.dlng <= 180
                THEN c.lng + c.dlng ELSE 180 END AS east
    FROM circle c
  ), near AS (
    SELECT p.id, p.name, p.category_id, p.location_id, p.lat, p.lng, p.rating, p.ratings_total, b.radius_km,
           2 * 6371.0088 * asin(least(1, sqrt(
             power(sin(radians(p.lat - b.lat) / 2), 2)
             + cos(radians(b.lat)) * cos(radians(p.lat)) * power(sin(radians(p.lng - b.lng) / 2), 2)))) AS distance_km
    FROM box b
    JOIN place p
      ON p.organization_id = (SELECT nullif(current_setting('app.tenant_id', true), '')::uuid)
     AND p.lat BETWEEN b.lat - b.dlat AND b.lat + b.dlat
     AND p.lng BETWEEN b.west AND b.east
  )
  SELECT n.id, n.name, c.code, n.location_id, n.lat, n.lng, n.rating, n.ratings_total, n.distance_km,
         0.6 * coalesce(w.weight, 0)::double precision
         + 0.2 * coalesce(n.rating, 0)::double precision / 5
         + 0.1 * least(1, log(1 + n.ratings_total) / 10)
         + 0.1 * (1 - n.distance_km / n.radius_km) AS score
  FROM near n
  LEFT JOIN category c ON c.id = n.category_id
  LEFT JOIN preference w
    ON w.category_id = n.category_id
   AND w.user_id = (SELECT nullif(current_setting('app.user_id', true), '')::uuid)
  WHERE n.distance_km <= n.radius_km
  ORDER BY score DESC, n.distance_km, n.id
  LIMIT p_limit
$$;
REVOKE ALL ON FUNCTION meridian_recommendations(double precision, double precision, double precision, integer)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_recommendations(double precision, double precision, double precision, integer)
  TO "${appRole}", "${readonlyRole}";

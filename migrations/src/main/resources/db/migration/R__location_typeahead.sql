-- The location typeahead of the REST API over the location_typeahead read model (V8, indexes in V11). Re-applied
-- whenever this file changes.
--
-- Names that start with the query come first, in byte order of the search text (so 'berquin' before
-- 'berquin county' before 'berquinul'); when they do not fill the limit, the rest follow by word similarity
-- to the query (pg_trgm's <%, at least pg_trgm.word_similarity_threshold, 0.6 by default), nearest first.
-- Two statements, the second only when needed, each an index scan that stops at the limit. The prefix is a
-- range on the pattern-ordered index rather than LIKE, whose index bounds PostgreSQL derives only for a
-- pattern known at planning time, not in the generic plan PL/pgSQL caches.
CREATE OR REPLACE FUNCTION meridian_location_typeahead(p_query text, p_limit integer DEFAULT 10)
  RETURNS TABLE (id uuid, parent_id uuid, level text, name text, label text, lat double precision,
                 lng double precision, time_zone text)
  LANGUAGE plpgsql STABLE
AS $$
#variable_conflict use_column
DECLARE
  query constant text := lower(btrim(coalesce(p_query, '')));
  -- after every text that starts with the query, in byte order: the query and the highest code point
  beyond constant text := lower(btrim(coalesce(p_query, ''))) || U&'\+10FFFF';
  wanted constant integer := least(greatest(coalesce(p_limit, 10), 1), 50);
  found integer;
BEGIN
  IF query = '' THEN
    RETURN;
  END IF;
  RETURN QUERY
    SELECT t.id, t.parent_id, t.level, t.name, t.label, t.lat, t.lng, t.time_zone
    FROM location_typeahead t
    WHERE t.search_text ~>=~ query AND t.search_text ~<~ beyond
    ORDER BY t.search_text USING ~<~, t.id
    LIMIT wanted;
  GET DIAGNOSTICS found = ROW_COUNT;
  IF found < wanted THEN
    -- nearest first straight from the index, which stops at the limit; ties then go by id
    RETURN QUERY
      SELECT m.id, m.parent_id, m.level, m.name, m.label, m.lat, m.lng, m.time_zone
      FROM (SELECT t.*, query <<-> t.search_text AS distance
            FROM location_typeahead t
            WHERE query <% t.search_text
              AND NOT (t.search_text ~>=~ query AND t.search_text ~<~ beyond)
            ORDER BY query <<-> t.search_text
            LIMIT wanted - found) AS m
      ORDER BY m.distance, m.id;
  END IF;
END
$$;
REVOKE ALL ON FUNCTION meridian_location_typeahead(text, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION meridian_location_typeahead(text, integer) TO "${appRole}", "${readonlyRole}";

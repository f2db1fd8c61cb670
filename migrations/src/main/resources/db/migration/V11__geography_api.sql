-- Indexes for the REST API's location typeahead (meridian_location_typeahead() in R__location_typeahead.sql),
-- which answers the names starting with the query first and then the most similar ones:
--   prefix      a btree in byte order (text_pattern_ops, whatever the database's collation), read in order
--               from the query to the query's last possible continuation: the first matches are the answer
--   similarity  a GiST trigram index, which filters by word similarity (<%) and hands rows over nearest first
--               (<<->), so a LIMIT stops the scan. It replaces V8's GIN index: GIN filters as well but cannot
--               order, so every candidate had to be scored and sorted, and the planner, which cannot tell that
--               scoring is costly, preferred scanning the whole read model (150 ms on 9,650 locations).
--
-- Recommendations need no index of their own: place_organization_id_lat_lng_idx (V4) serves the tenant and
-- the bounding box around the point, see R__recommendations.sql.
CREATE INDEX location_typeahead_search_text_prefix_idx ON location_typeahead (search_text text_pattern_ops);
CREATE INDEX location_typeahead_search_text_gist_idx ON location_typeahead USING gist (search_text gist_trgm_ops);
DROP INDEX location_typeahead_search_text_trgm_idx;

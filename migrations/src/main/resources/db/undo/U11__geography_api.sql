-- Undo of V11: V8's typeahead index back, V11's indexes gone, and the functions the repeatable scripts built on
-- them (R__location_typeahead.sql, R__recommendations.sql).
DROP FUNCTION IF EXISTS meridian_location_typeahead(text, integer);
DROP FUNCTION IF EXISTS meridian_recommendations(double precision, double precision, double precision, integer);
CREATE INDEX location_typeahead_search_text_trgm_idx ON location_typeahead USING gin (search_text gin_trgm_ops);
DROP INDEX location_typeahead_search_text_gist_idx;
DROP INDEX location_typeahead_search_text_prefix_idx;

-- Undo of V8: the read models, with the views and functions R__read_models.sql built on them.
DROP FUNCTION IF EXISTS meridian_refresh_read_models();
DROP FUNCTION IF EXISTS meridian_place_typeahead(text, integer);
DROP VIEW IF EXISTS tenant_place_typeahead, tenant_map_aggregate;
DROP MATERIALIZED VIEW IF EXISTS map_aggregate, place_typeahead, location_typeahead;

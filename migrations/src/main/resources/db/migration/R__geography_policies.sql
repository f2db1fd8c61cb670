-- Grants and row-level security for geography: shared reference data that everyone reads and only
-- platform scope writes (meridian_reference_rls). Re-applied whenever this file changes.
--
-- The geocode cache is reference data too: a tenant could otherwise teach every other tenant a wrong
-- answer. Lookups that miss are recorded in platform scope (or by a dedicated function, later).

GRANT SELECT, INSERT, UPDATE, DELETE ON location, geocode_cache, season TO "${appRole}";
GRANT SELECT ON location, geocode_cache, season TO "${readonlyRole}";

SELECT meridian_reference_rls(t) FROM unnest(ARRAY['location', 'geocode_cache', 'season']) AS t;

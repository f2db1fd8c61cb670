-- Undo of V3: the geography tables; their policies and grants go with them.
DROP TABLE IF EXISTS season, geocode_cache, location;

-- The extensions go only when nothing else in this database still uses them (RESTRICT refuses then, and
-- the extension stays): another migration, or an operator, may rely on btree_gist or pg_trgm, and dropping
-- them with CASCADE would take those objects along. On a schema rolled back from the top, nothing is left
-- that needs them, so they go.
DO $$
DECLARE
  extension text;
BEGIN
  FOREACH extension IN ARRAY ARRAY['pg_trgm', 'btree_gist'] LOOP
    BEGIN
      EXECUTE format('DROP EXTENSION IF EXISTS %I RESTRICT', extension);
    EXCEPTION WHEN dependent_objects_still_exist THEN
      RAISE NOTICE 'extension % is still in use: kept', extension;
    END;
  END LOOP;
END $$;

-- Test only (MigrationStairwayTest): an undo script that fails halfway, so the whole rollback must not happen.
CREATE TABLE rollback_probe (id integer);
SELECT 1 / 0;

-- Test only (MigrationStairwayTest): an undo script that succeeds, before U9002 fails in the same rollback.
REVOKE USAGE ON SCHEMA public FROM "${appRole}";
DROP TABLE api_key;

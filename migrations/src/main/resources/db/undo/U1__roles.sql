-- Undo of V1: the roles stay (other databases on the server may use them); this database's grants go.
REVOKE USAGE ON SCHEMA public FROM "${appRole}", "${readonlyRole}";
DO $$
BEGIN
  EXECUTE format('REVOKE CONNECT ON DATABASE %I FROM %I, %I', current_database(), '${appRole}', '${readonlyRole}');
END $$;

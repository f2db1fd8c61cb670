-- The application and reporting roles. Roles are cluster-wide, so their names come from
-- configuration (placeholders) and they are created only when missing: several databases on one
-- server (tests, demo, benchmarks) each name their own. The role running this script becomes the
-- owner of every object; the application role owns nothing and never bypasses RLS.
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${appRole}') THEN
    CREATE ROLE "${appRole}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${readonlyRole}') THEN
    CREATE ROLE "${readonlyRole}" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOBYPASSRLS;
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I, %I', current_database(), '${appRole}', '${readonlyRole}');
END $$;

GRANT USAGE ON SCHEMA public TO "${appRole}", "${readonlyRole}";

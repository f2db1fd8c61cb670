-- Readiness compares the applied schema version with the one the build expects, as the application role.
GRANT SELECT ON "${flyway:table}" TO "${appRole}", "${readonlyRole}";

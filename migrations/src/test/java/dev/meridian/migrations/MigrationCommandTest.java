package dev.meridian.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operators' command line, on a fresh database named by the environment as an operator would name it. */
class MigrationCommandTest {

    @Test
    void migratesListsAndRollsBackTheDatabaseTheEnvironmentNames() throws SQLException {
        try (var database = TestDatabase.createEmpty()) {
            var environment = Map.of("DATABASE_URL", database.url(), "DATABASE_OWNER_USER", database.owner(),
                    "DATABASE_USER", database.roles().appRole(), "MERIDIAN_READONLY_ROLE",
                    database.roles().readonlyRole());
            var migrations = new Migrations(database.dataSource(database.owner()), database.roles());
            var latest = migrations.latestAvailable().toString();

            assertTrue(run(environment, "migrate").endsWith("schema at version " + latest + "\n"));
            assertTrue(run(environment, "info").contains("Success"));
            var rolledBack = run(environment, "rollback", "0");
            assertTrue(rolledBack.startsWith("undone " + latest + " "), rolledBack);
            assertTrue(rolledBack.contains("undone 1 (roles)\n"), rolledBack);
            assertTrue(rolledBack.contains("schema at version 0 (empty)"), rolledBack);
            assertTrue(run(environment, "rollback", "0").startsWith("nothing to roll back"));
        }
    }

    @Test
    void takesABackupRestoresItIntoANewDatabaseAndRefreshesTheReadModels(@TempDir Path backups) throws SQLException {
        try (var database = TestDatabase.createMigrated()) {
            try (var superuser = database.connectAsSuperuser()) {
                Jdbc.update(superuser, "ALTER ROLE " + database.owner() + " BYPASSRLS CREATEDB");
            }
            var environment = Map.of("DATABASE_URL", database.url(), "DATABASE_OWNER_USER", database.owner(),
                    "MERIDIAN_BACKUP_DIR", backups.toString());
            var restored = database.name() + "_cli";

            var backup = run(environment, "backup");
            assertTrue(backup.contains("restore check passed"), backup);
            try (var files = Files.list(backups)) {
                var dump = files.filter(file -> file.toString().endsWith(".dump")).findFirst().orElseThrow();
                try {
                    assertEquals("restored " + dump + " into the new database " + restored + "\n",
                            run(environment, "restore", dump.toString(), restored));
                } finally {
                    try (var superuser = database.connectAsSuperuser()) {
                        Jdbc.update(superuser, "DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
                    }
                }
            }
            assertEquals("read models refreshed\n", run(environment, "refresh-read-models"));
            var unset = assertThrows(IllegalStateException.class, () -> run(Map.of("DATABASE_URL", database.url(),
                    "DATABASE_OWNER_USER", database.owner()), "backup"));
            assertTrue(unset.getMessage().startsWith("MERIDIAN_BACKUP_DIR is not set"), unset.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aWrongCommandShowsTheUsageAndAMissingSettingIsNamed() {
        var usage = assertThrows(IllegalArgumentException.class, () -> run(Map.of(), "rollback"));
        assertEquals(MigrationCommand.USAGE, usage.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run(Map.of(), "undo", "2"));
        var missing = assertThrows(IllegalStateException.class, () -> run(Map.of(), "info"));
        assertTrue(missing.getMessage().startsWith("DATABASE_URL is not set"), missing.getMessage());
    }

    private static String run(Map<String, String> environment, String... args) {
        var out = new ByteArrayOutputStream();
        new MigrationCommand(environment, new PrintStream(out, true, StandardCharsets.UTF_8)).run(args);
        return out.toString(StandardCharsets.UTF_8);
    }
}

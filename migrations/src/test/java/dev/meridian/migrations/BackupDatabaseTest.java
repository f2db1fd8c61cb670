package dev.meridian.migrations;

import static dev.meridian.migrations.Jdbc.count;
import static dev.meridian.migrations.Jdbc.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.meridian.migrations.backup.BackupRetention;
import dev.meridian.migrations.backup.BackupUnavailable;
import dev.meridian.migrations.backup.Backups;
import dev.meridian.migrations.backup.DatabaseLogin;
import dev.meridian.migrations.backup.PgTools;

/**
 * Backups of a migrated database with tenant data, by the owner with the rights the README asks for
 * ({@code BYPASSRLS CREATEDB}), using the machine's {@code pg_dump}: a backup restores into a scratch
 * database with the same row count in every table, and into a named database for good.
 */
class BackupDatabaseTest {

    private static TestDatabase database;
    private static DatabaseLogin owner;

    @TempDir
    Path directory;

    @BeforeAll
    static void migratedDatabaseWithTenants() throws SQLException {
        database = TestDatabase.createMigrated();
        World.create(database);
        World.create(database);
        try (var superuser = database.connectAsSuperuser()) {
            update(superuser, "ALTER ROLE " + database.owner() + " BYPASSRLS CREATEDB");
        }
        owner = new DatabaseLogin(database.url(), database.owner(), Optional.empty());
    }

    @AfterAll
    static void drop() throws SQLException {
        database.close();
    }

    @Test
    void aBackupRestoresIntoAScratchDatabaseWithEqualRowCountsAndTheScratchDatabaseIsGone() throws SQLException {
        var report = backups().backUpAndCheck();

        assertTrue(report.check().passed(), report::toString);
        assertEquals(report.check().source(), report.check().restored());
        assertEquals(4, report.check().source().get("organization"), "the platform's, and two per world");
        assertEquals(6, report.check().source().get("app_user"), "three per world");
        assertTrue(report.check().source().containsKey("flyway_schema_history"));
        assertTrue(report.bytes() > 0);
        assertTrue(Files.exists(report.backup().file()));
        try (var superuser = database.connectAsSuperuser()) {
            assertEquals(0, count(superuser, "SELECT count(*) FROM pg_database WHERE datname LIKE"
                    + " 'meridian_restore_check_%' AND datdba = (SELECT oid FROM pg_roles WHERE rolname = ?)",
                    database.owner()));
        }
    }

    @Test
    void aBackupRestoresIntoANamedDatabaseWhoseTenantsAreStillBehindRowLevelSecurity() throws SQLException {
        var backups = backups();
        var backup = backups.take();
        var restored = database.name() + "_restored";
        try {
            backups.restore(backup.file(), restored);

            var url = database.url().replace("/" + database.name(), "/" + restored);
            try (var superuser = DriverManager.getConnection(url, "postgres", "");
                    var source = database.connectAsSuperuser()) {
                assertEquals(count(source, "SELECT count(*) FROM place"), count(superuser,
                        "SELECT count(*) FROM place"));
                assertTrue(count(superuser, "SELECT count(*) FROM place") > 0);
                assertEquals(count(source, "SELECT count(*) FROM usage_log"), count(superuser,
                        "SELECT count(*) FROM usage_log"));
            }
            try (var app = DriverManager.getConnection(url, database.roles().appRole(), "")) {
                assertEquals(0, count(app, "SELECT count(*) FROM place"), "no context, no tenant rows");
            }
            assertThrows(IllegalStateException.class, () -> backups.restore(backup.file(), restored),
                    "an existing database is never restored over");
        } finally {
            try (var superuser = database.connectAsSuperuser()) {
                update(superuser, "DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
    }

    @Test
    void retentionDeletesBackupsNoPeriodKeepsWithTheirCounts() throws IOException {
        var backups = new Backups(owner, directory, new BackupRetention(1, 0, 0), Optional.empty());
        for (var stamp : new String[]{"20260101T010000Z", "20260102T010000Z"}) {
            Files.writeString(directory.resolve(database.name() + "-" + stamp + ".dump"), "dump");
            Files.writeString(directory.resolve(database.name() + "-" + stamp + ".dump.counts"), "place=1");
        }

        assertEquals(1, backups.deleteExpired().size());

        assertEquals(1, backups.list().size());
        assertTrue(backups.list().get(0).file().toString().endsWith("20260102T010000Z.dump"));
        assertFalse(Files.exists(directory.resolve(database.name() + "-20260101T010000Z.dump.counts")));
    }

    @Test
    void aRoleSubjectToRowLevelSecurityIsRefusedWithWhatItNeeds() {
        var app = new DatabaseLogin(database.url(), database.roles().appRole(), Optional.empty());

        var refused = assertThrows(BackupUnavailable.class,
                () -> new Backups(app, directory, BackupRetention.DEFAULT, Optional.empty()).take());

        assertTrue(refused.getMessage().contains("BYPASSRLS"), refused.getMessage());
    }

    @Test
    void withoutAPgDumpAsNewAsTheServerTheToolsAreRefusedNamingEachCandidate() {
        var refused = assertThrows(BackupUnavailable.class,
                () -> PgTools.locate(Optional.of("/nowhere/pg_dump"), 99));

        assertTrue(refused.getMessage().contains("/nowhere/pg_dump (not found or does not run)"),
                refused.getMessage());
        assertTrue(refused.getMessage().contains("cannot dump a version 99 server"), refused.getMessage());
        assertEquals(15, PgTools.locate(Optional.empty(), 15).major(), "Debian's client tools here");
    }

    private Backups backups() {
        return new Backups(owner, directory, BackupRetention.DEFAULT, Optional.empty());
    }
}

package dev.meridian.migrations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;

/**
 * Every migration goes up, down and up again on a fresh database, and every undo script leaves exactly the
 * schema its migration found: compared object by object through {@link SchemaSnapshot}. Extensions count as
 * objects too: the undo of the migration that creates an extension drops it again.
 */
class MigrationStairwayTest {

    @Test
    void allTheWayDownLeavesNothingBehindAndAllTheWayUpAgainRebuildsTheSameSchema() throws SQLException {
        try (var database = TestDatabase.createEmpty()) {
            var migrations = migrationsOf(database);
            var empty = snapshot(database);
            assertTrue(migrations.migrate() > 0, "a fresh database has migrations to apply");
            var latest = snapshot(database);
            var applied = versions(migrations);

            var undone = migrations.rollbackTo("0");

            assertEquals(applied, undone.stream().map(MigrationInfo::getVersion).sorted().toList(),
                    "every versioned migration undone");
            assertEquals(undone.get(0).getVersion(), applied.get(applied.size() - 1),
                    "newest first");
            assertEquals("", snapshot(database).differencesFrom(empty), "rolled back to 0, the schema is as empty as "
                    + "it was before the first migration");
            assertEquals(List.of(), historyRows(database), "the schema history forgets every migration");

            migrations.migrate();
            assertEquals("", snapshot(database).differencesFrom(latest), "migrated up again");
        }
    }

    /**
     * From the latest version down to one version lower at a time, so each undo script is the last to run once.
     */
    @Test
    void eachStepDownAndUpAgainRebuildsTheSameSchema() throws SQLException {
        try (var database = TestDatabase.createMigrated()) {
            var migrations = migrationsOf(database);
            var latest = snapshot(database);
            var versions = versions(migrations);
            for (int i = versions.size() - 1; i >= 0; i--) {
                var below = i == 0 ? "0" : versions.get(i - 1).toString();

                var undone = migrations.rollbackTo(below);

                var above = new ArrayList<>(versions.subList(i, versions.size()));
                Collections.reverse(above);
                assertEquals(above, undone.stream().map(MigrationInfo::getVersion).toList(), "newest first");
                assertEquals(below, migrations.current().map(Object::toString).orElse("0"));
                migrations.migrate();
                assertEquals("", snapshot(database).differencesFrom(latest),
                        "undo of " + versions.get(i) + " and its migration again");
            }
            assertEquals(List.of(), migrations.rollbackTo(versions.get(versions.size() - 1).toString()),
                    "at the target already: nothing to roll back");
        }
    }

    @Test
    void aFailingUndoScriptChangesNothing() throws SQLException {
        try (var database = TestDatabase.createMigrated()) {
            var migrations = migrationsOf(database);
            var latest = snapshot(database);
            var history = historyRows(database);
            // two pretend migrations above the real ones, undone by test scripts: 9001 drops a table, 9002 fails
            pretendApplied(database, "9001", "V9001__rollback_probe_drops.sql");
            pretendApplied(database, "9002", "V9002__rollback_probe_fails.sql");

            var failure = assertThrows(IllegalStateException.class, () -> migrations.rollbackTo("0"));

            assertTrue(failure.getMessage().contains("db/undo/U9002__rollback_probe_fails.sql"), failure.getMessage());
            assertEquals("", snapshot(database).differencesFrom(latest),
                    "9001's revoke and drop were rolled back with the rest");
            assertEquals(history.size() + 2, historyRows(database).size(), "the history keeps every row");
        }
    }

    @Test
    void aMissingUndoScriptIsNamedBeforeAnythingRuns() throws SQLException {
        try (var database = TestDatabase.createMigrated()) {
            var migrations = migrationsOf(database);
            var latest = snapshot(database);
            pretendApplied(database, "9003", "V9003__without_undo.sql");

            var failure = assertThrows(IllegalStateException.class, () -> migrations.rollbackTo("0"));

            assertTrue(failure.getMessage().contains("db/undo/U9003__without_undo.sql is missing"),
                    failure.getMessage());
            assertEquals("", snapshot(database).differencesFrom(latest));
            assertFalse(migrations.current().isEmpty());
        }
    }

    private static Migrations migrationsOf(TestDatabase database) {
        return new Migrations(database.dataSource(database.owner()), database.roles());
    }

    private static SchemaSnapshot snapshot(TestDatabase database) throws SQLException {
        try (var connection = database.connectAsOwner()) {
            return SchemaSnapshot.of(connection, database.roles());
        }
    }

    private static List<MigrationVersion> versions(Migrations migrations) {
        return migrations.info().stream()
                .filter(m -> m.isVersioned() && m.getState().isApplied() && !m.getType().isSynthetic())
                .map(MigrationInfo::getVersion)
                .sorted()
                .toList();
    }

    private static List<String> historyRows(TestDatabase database) throws SQLException {
        try (var connection = database.connectAsOwner();
                var rows = connection.createStatement().executeQuery(
                        "SELECT coalesce(version, 'R') || ' ' || script FROM flyway_schema_history ORDER BY 1")) {
            var scripts = new ArrayList<String>();
            while (rows.next()) {
                scripts.add(rows.getString(1));
            }
            return scripts;
        }
    }

    private static void pretendApplied(TestDatabase database, String version, String script) throws SQLException {
        try (var connection = database.connectAsOwner(); var insert = connection.prepareStatement("""
                INSERT INTO flyway_schema_history
                  (installed_rank, version, description, type, script, checksum, installed_by, execution_time, success)
                SELECT max(installed_rank) + 1, ?, 'probe', 'SQL', ?, 0, current_user, 0, true
                FROM flyway_schema_history""")) {
            insert.setString(1, version);
            insert.setString(2, script);
            insert.executeUpdate();
        }
    }
}

package dev.meridian.migrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.Configuration;

/**
 * Rolls the schema back to a version with our own undo scripts, because Flyway's undo is a paid feature. An
 * undo script sits in {@link #UNDO_LOCATION} and is named after its migration with {@code U} for {@code V}:
 * {@code V3__geography.sql} is undone by {@code U3__geography.sql}.
 */
final class Rollback {

    /** Where the undo scripts live on the classpath. */
    static final String UNDO_LOCATION = "db/undo/";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

    private final Configuration configuration;
    private final Map<String, String> placeholders;

    Rollback(Configuration configuration, MigrationRoles roles) {
        this.configuration = configuration;
        // the placeholders Flyway substitutes into our migrations, and nothing else
        this.placeholders = Map.of("appRole", roles.appRole(), "readonlyRole", roles.readonlyRole(), "flyway:table",
                configuration.getTable());
    }

    /**
     * Undoes every applied versioned migration newer than {@code target}, newest first, and forgets it, all in
     * one transaction: either the schema reaches the target or nothing changes.
     *
     * @return the migrations undone, newest first
     */
    List<MigrationInfo> to(MigrationVersion target, MigrationInfo[] applied) {
        var newer = Arrays.stream(applied)
                .filter(m -> m.isVersioned() && !m.getType().isSynthetic())
                .filter(m -> m.getVersion().compareTo(target) > 0)
                .sorted(Comparator.comparing(MigrationInfo::getVersion).reversed())
                .toList();
        if (newer.isEmpty()) {
            return List.of();
        }
        // read every script before touching the database, so a missing one changes nothing
        var scripts = newer.stream().map(this::undoScript).toList();
        var history = historyTable();
        try (var connection = configuration.getDataSource().getConnection();
                Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                // a concurrent migrate waits for this rollback, and then sees its result
                sql.execute("LOCK TABLE " + history + " IN ACCESS EXCLUSIVE MODE");
                requireUnchangedSince(sql, history, applied);
                for (int i = 0; i < newer.size(); i++) {
                    execute(sql, scripts.get(i));
                    sql.executeUpdate("DELETE FROM " + history + " WHERE installed_rank = "
                            + newer.get(i).getInstalledRank());
                }
                // Repeatable scripts (grants, policies, views, functions) were applied against the newest schema.
                // The undo scripts drop what hung on their tables, and an unchanged repeatable script would never
                // run again: forgetting all of them makes the next migrate re-apply every one against the schema
                // as it then is, so a rolled-back-and-migrated schema is the same as a freshly migrated one.
                sql.executeUpdate("DELETE FROM " + history + " WHERE version IS NULL");
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("rollback to version "
                    + (target.equals(MigrationVersion.EMPTY) ? "0" : target) + " failed, nothing was changed: "
                    + e.getMessage(), e);
        }
        return newer;
    }

    /** Fails when a migration ran between reading the history and locking it: the list to undo is stale. */
    private static void requireUnchangedSince(Statement sql, String history, MigrationInfo[] applied)
            throws SQLException {
        int newestSeen = Arrays.stream(applied).mapToInt(MigrationInfo::getInstalledRank).max().orElse(0);
        try (var rows = sql.executeQuery("SELECT coalesce(max(installed_rank), 0) FROM " + history)) {
            rows.next();
            if (rows.getInt(1) != newestSeen) {
                throw new SQLException("the schema history changed while the rollback started; run it again");
            }
        }
    }

    private static void execute(Statement sql, UndoScript script) throws SQLException {
        try {
            // one multi-statement string: PgJDBC splits it itself, dollar quotes (DO blocks, bodies) included
            sql.execute(script.sql());
        } catch (SQLException e) {
            throw new SQLException("undo script " + script.resource() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    private UndoScript undoScript(MigrationInfo migration) {
        var script = migration.getScript();
        var fileName = script.substring(script.lastIndexOf('/') + 1);
        var prefix = configuration.getSqlMigrationPrefix();
        if (!fileName.startsWith(prefix)) {
            throw new IllegalStateException(
                    "cannot undo " + script + ": not a " + prefix + "<version>__ SQL migration");
        }
        var resource = UNDO_LOCATION + "U" + fileName.substring(prefix.length());
        try (InputStream in = configuration.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("cannot roll back version " + migration.getVersion()
                        + ": its undo script " + resource + " is missing from the classpath");
            }
            return new UndoScript(resource, replacePlaceholders(resource, new String(in.readAllBytes(),
                    StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    private String replacePlaceholders(String resource, String sql) {
        return PLACEHOLDER.matcher(sql).replaceAll(match -> {
            var value = placeholders.get(match.group(1));
            if (value == null) {
                throw new IllegalStateException(resource + " uses the unknown placeholder " + match.group());
            }
            return Matcher.quoteReplacement(value);
        });
    }

    private String historyTable() {
        var table = quote(configuration.getTable());
        var schema = configuration.getDefaultSchema();
        // like Flyway, without a configured schema the table is the one the search path finds
        return schema == null ? table : quote(schema) + "." + table;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    private record UndoScript(String resource, String sql) {
    }
}

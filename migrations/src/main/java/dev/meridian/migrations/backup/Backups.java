package dev.meridian.migrations.backup;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A database's backups in one directory: custom-format {@code pg_dump} files named
 * {@code <database>-<yyyyMMdd'T'HHmmss'Z'>.dump}, each with a {@code .counts} file beside it that holds every
 * table's row count in the very snapshot the dump was taken from. A restore check restores a dump into a
 * scratch database and compares its counts with those.
 * <p>
 * The login must read every row: Meridian forces row-level security on its tables, owner included, so it
 * needs {@code BYPASSRLS} (or superuser) to dump them, and {@code CREATEDB} for restore checks and restores.
 */
public final class Backups {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DatabaseLogin login;
    private final Path directory;
    private final BackupRetention retention;
    private final Optional<String> configuredPgDump;

    /**
     * @param configuredPgDump
     *            the {@code pg_dump} to use ({@code MERIDIAN_PG_DUMP}), if set; see {@link PgTools#locate}
     */
    public Backups(DatabaseLogin login, Path directory, BackupRetention retention,
            Optional<String> configuredPgDump) {
        this.login = Objects.requireNonNull(login, "login");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.retention = Objects.requireNonNull(retention, "retention");
        this.configuredPgDump = Objects.requireNonNull(configuredPgDump, "configuredPgDump");
    }

    /** One backup file and when it was taken. */
    public record Backup(Path file, Instant takenAt) {

        Path counts() {
            return file.resolveSibling(file.getFileName() + ".counts");
        }
    }

    /** What a restore check found: each table's rows in the backup's source and in its restored copy. */
    public record RestoreCheck(Path file, Map<String, Long> source, Map<String, Long> restored) {

        public boolean passed() {
            return !source.isEmpty() && source.equals(restored);
        }

        public long rows() {
            return source.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            if (passed()) {
                return "restore check passed: " + source.size() + " tables, " + rows() + " rows, counts equal";
            }
            var differences = new ArrayList<String>();
            var tables = new TreeMap<String, Long>(source);
            restored.forEach(tables::putIfAbsent);
            tables.keySet().forEach(table -> {
                if (!Objects.equals(source.get(table), restored.get(table))) {
                    differences.add(table + " " + source.get(table) + " != " + restored.get(table));
                }
            });
            return "restore check FAILED: " + String.join(", ", differences);
        }
    }

    /**
     * What a scheduled or requested backup did: the backup, its restore check, and the backups retention removed.
     */
    public record Report(Backup backup, long bytes, RestoreCheck check, List<Backup> expired) {

        @Override
        public String toString() {
            return "backup " + backup.file() + " (" + bytes + " bytes); " + check + "; " + expired.size()
                    + " expired backup(s) deleted";
        }
    }

    /**
     * Takes a backup, checks that it restores with the same row counts, and deletes what retention no longer
     * keeps. A backup whose check fails is kept for inspection, and the failure is thrown.
     */
    public Report backUpAndCheck() {
        var backup = take();
        var check = check(backup);
        if (!check.passed()) {
            throw new IllegalStateException(backup.file() + ": " + check);
        }
        var bytes = size(backup.file());
        return new Report(backup, bytes, check, deleteExpired());
    }

    /** Dumps the database, and its row counts from the same snapshot, into a new backup. */
    public Backup take() {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup directory " + directory, e);
        }
        var takenAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var backup = new Backup(directory.resolve(login.database() + "-" + STAMP.format(takenAt) + ".dump"),
                takenAt);
        var partial = backup.file().resolveSibling(backup.file().getFileName() + ".partial");
        try (var connection = login.connect()) {
            var tools = tools(connection);
            requireEveryRowReadable(connection);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            String snapshot;
            try (var sql = connection.createStatement(); var rows = sql.executeQuery("SELECT pg_export_snapshot()")) {
                rows.next();
                snapshot = rows.getString(1);
            }
            // the counts and the dump see the same snapshot, exported by this transaction, which stays open
            var counts = count(connection);
            tools.run(List.of(tools.pgDump().toString(), "--format=custom", "--no-password",
                    "--snapshot=" + snapshot, "--host=" + login.host(), "--port=" + login.port(),
                    "--username=" + login.user(), "--dbname=" + login.database(), "--file=" + partial), login);
            connection.commit();
            writeCounts(backup.counts(), counts);
            Files.move(partial, backup.file(), StandardCopyOption.ATOMIC_MOVE);
            return backup;
        } catch (SQLException e) {
            throw new IllegalStateException("backup of " + login + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("backup of " + login + " failed", e);
        } finally {
            try {
                Files.deleteIfExists(partial);
            } catch (IOException e) {
                // a partial file is never taken for a backup (its name does not end in .dump)
            }
        }
    }

    /** Restores the backup into a scratch database, counts its rows against the source's, drops it. */
    public RestoreCheck check(Backup backup) {
        var scratch = "meridian_restore_check_" + HexFormat.of().toHexDigits(RANDOM.nextInt());
        try {
            restore(backup.file(), scratch);
            try (var connection = login.on(scratch).connect()) {
                return new RestoreCheck(backup.file(), readCounts(backup.counts()), count(connection));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("restore check of " + backup.file() + " failed: " + e.getMessage(), e);
        } finally {
            drop(scratch);
        }
    }

    /**
     * Restores a backup into a new database of that name, which must not exist yet; all or nothing (one
     * transaction, stopping at the first error).
     */
    public void restore(Path file, String database) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no backup file " + file);
        }
        if (!database.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        try (var connection = login.connect(); var sql = connection.createStatement()) {
            var tools = tools(connection);
            sql.execute("CREATE DATABASE " + database);
            var target = login.on(database);
            tools.run(List.of(tools.pgRestore().toString(), "--exit-on-error", "--single-transaction",
                    "--no-password", "--host=" + target.host(), "--port=" + target.port(),
                    "--username=" + target.user(), "--dbname=" + database, file.toString()), target);
        } catch (SQLException e) {
            throw new IllegalStateException("restore of " + file + " into " + database + " failed: "
                    + e.getMessage(), e);
        }
    }

    /** The backups in the directory, newest first. */
    public List<Backup> list() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        var name = Pattern.compile(Pattern.quote(login.database()) + "-(\\d{8}T\\d{6}Z)\\.dump");
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> {
                var matched = name.matcher(file.getFileName().toString());
                return matched.matches() ? new Backup(file, STAMP.parse(matched.group(1), Instant::from)) : null;
            }).filter(Objects::nonNull)
                    .sorted((a, b) -> b.takenAt().compareTo(a.takenAt()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    /** Deletes the backups retention no longer keeps, with their counts; answers them. */
    public List<Backup> deleteExpired() {
        var backups = list();
        var expired = retention.expired(backups.stream().map(Backup::takenAt).toList());
        var deleted = backups.stream().filter(backup -> expired.contains(backup.takenAt())).toList();
        for (var backup : deleted) {
            try {
                Files.deleteIfExists(backup.counts());
                Files.delete(backup.file());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the expired backup " + backup.file(), e);
            }
        }
        return deleted;
    }

    private PgTools tools(Connection connection) throws SQLException {
        try (var sql = connection.createStatement();
                var rows = sql.executeQuery("SELECT current_setting('server_version_num')::integer / 10000")) {
            rows.next();
            return PgTools.locate(configuredPgDump, rows.getInt(1));
        }
    }

    private static void requireEveryRowReadable(Connection connection) throws SQLException {
        try (var sql = connection.createStatement();
                var rows = sql.executeQuery(
                        "SELECT current_user, rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user")) {
            rows.next();
            if (!rows.getBoolean(2)) {
                throw new BackupUnavailable("the backup role " + rows.getString(1) + " is subject to row-level"
                        + " security, which every Meridian table forces, so a dump would miss rows or fail: give it"
                        + " BYPASSRLS (ALTER ROLE " + rows.getString(1) + " BYPASSRLS CREATEDB, as a superuser)");
            }
        }
    }

    /** Every table of the public schema (a partitioned one once, with its partitions) and its exact row count. */
    private static Map<String, Long> count(Connection connection) throws SQLException {
        var tables = new ArrayList<String>();
        try (var sql = connection.createStatement(); var rows = sql.executeQuery("""
                SELECT c.relname FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                ORDER BY c.relname""")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        var counts = new TreeMap<String, Long>();
        for (var table : tables) {
            try (var sql = connection.prepareStatement("SELECT count(*) FROM public." + quote(table));
                    var rows = sql.executeQuery()) {
                rows.next();
                counts.put(table, rows.getLong(1));
            }
        }
        return counts;
    }

    private void drop(String database) {
        try (var connection = login.connect(); var sql = connection.createStatement()) {
            sql.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the scratch database " + database + ": " + e.getMessage(),
                    e);
        }
    }

    private static void writeCounts(Path file, Map<String, Long> counts) throws IOException {
        var properties = new Properties();
        counts.forEach((table, rows) -> properties.setProperty(table, Long.toString(rows)));
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "rows per table in the backup's snapshot");
        }
    }

    private static Map<String, Long> readCounts(Path file) {
        var properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the row counts of the backup: " + file, e);
        }
        var counts = new TreeMap<String, Long>();
        properties.stringPropertyNames().forEach(table -> counts.put(table, Long.parseLong(properties.getProperty(
                table))));
        return counts;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package dev.meridian.migrations;

import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.flywaydb.core.api.MigrationInfo;
import org.postgresql.ds.PGSimpleDataSource;

import dev.meridian.migrations.backup.BackupSettings;

/**
 * The operators' command line: migrates, lists or rolls back the schema of the database the environment
 * names, as its owner; takes a checked backup, restores one into a new database, refreshes the read models.
 * From the project root: {@code mvn -q -pl migrations compile exec:java -Dexec.args="rollback 2"}.
 * <p>
 * Environment: {@code DATABASE_URL} (JDBC), {@code DATABASE_OWNER_USER}, {@code DATABASE_OWNER_PASSWORD}, and
 * the role names the migrations grant to, {@code DATABASE_USER} (default {@code meridian_app}) and
 * {@code MERIDIAN_READONLY_ROLE} (default {@code meridian_readonly}), the same settings the application
 * reads; for backups also {@code MERIDIAN_BACKUP_DIR} and the other settings of {@link BackupSettings}.
 */
public final class MigrationCommand {

    /** Flyway's own INFO lines repeat the data source's every setting: our summary says what happened. */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static final String USAGE = "usage: migrate | info | rollback <version> | backup | restore <file> <database>"
            + " | refresh-read-models   (rollback 0 undoes every migration)";

    private final Map<String, String> environment;
    private final PrintStream out;

    MigrationCommand(Map<String, String> environment, PrintStream out) {
        this.environment = environment;
        this.out = out;
    }

    public static void main(String[] args) {
        FLYWAY_LOG.setLevel(Level.WARNING);
        new MigrationCommand(System.getenv(), System.out).run(args);
    }

    void run(String... args) {
        var command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "migrate" -> {
                expectArguments(args, 1);
                var migrations = migrations();
                int executed = migrations.migrate();
                out.println("applied " + executed + " migration(s); schema at version " + version(migrations));
            }
            case "info" -> {
                expectArguments(args, 1);
                var migrations = migrations();
                out.printf("%-8s %-40s %-12s %-16s %s%n", "version", "description", "type", "state", "installed on");
                for (var migration : migrations.info()) {
                    out.printf("%-8s %-40s %-12s %-16s %s%n",
                            Optional.ofNullable(migration.getVersion()).map(Object::toString).orElse(""),
                            migration.getDescription(), migration.getType().name(),
                            migration.getState().getDisplayName(),
                            Optional.ofNullable(migration.getInstalledOn()).map(Object::toString).orElse(""));
                }
                out.println("schema at version " + version(migrations));
            }
            case "rollback" -> {
                expectArguments(args, 2);
                var migrations = migrations();
                var undone = migrations.rollbackTo(args[1]);
                for (MigrationInfo migration : undone) {
                    out.println("undone " + migration.getVersion() + " (" + migration.getDescription() + ")");
                }
                out.println((undone.isEmpty() ? "nothing to roll back" : "rolled back") + "; schema at version "
                        + version(migrations) + (undone.isEmpty()
                                ? ""
                                : "; the next migrate re-applies the repeatable migrations"));
            }
            case "backup" -> {
                expectArguments(args, 1);
                var backups = BackupSettings.backups(this::setting).orElseThrow(() -> new IllegalStateException(
                        BackupSettings.DIRECTORY + " is not set: the directory backups are kept in"));
                out.println(backups.backUpAndCheck());
            }
            case "restore" -> {
                expectArguments(args, 3);
                var file = Path.of(args[1]).toAbsolutePath();
                BackupSettings.in(file.getParent(), this::setting).restore(file, args[2]);
                out.println("restored " + file + " into the new database " + args[2]);
            }
            case "refresh-read-models" -> {
                expectArguments(args, 1);
                try (var connection = BackupSettings.login(this::setting).connect();
                        var sql = connection.createStatement()) {
                    sql.execute("SELECT meridian_refresh_read_models()");
                } catch (SQLException e) {
                    throw new IllegalStateException("refreshing the read models failed: " + e.getMessage(), e);
                }
                out.println("read models refreshed");
            }
            default -> throw new IllegalArgumentException(USAGE);
        }
    }

    private static void expectArguments(String[] args, int count) {
        if (args.length != count) {
            throw new IllegalArgumentException(USAGE);
        }
    }

    private static String version(Migrations migrations) {
        return migrations.current().map(Object::toString).orElse("0 (empty)");
    }

    private Migrations migrations() {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(required("DATABASE_URL", "the JDBC URL, e.g. jdbc:postgresql://db:5432/meridian"));
        dataSource.setUser(required("DATABASE_OWNER_USER", "the schema owner, who runs the migrations"));
        setting("DATABASE_OWNER_PASSWORD").ifPresent(dataSource::setPassword);
        return new Migrations(dataSource, new MigrationRoles(setting("DATABASE_USER").orElse("meridian_app"),
                setting("MERIDIAN_READONLY_ROLE").orElse("meridian_readonly")));
    }

    private String required(String name, String meaning) {
        return setting(name).orElseThrow(() -> new IllegalStateException(name + " is not set: " + meaning));
    }

    private Optional<String> setting(String name) {
        return Optional.ofNullable(environment.get(name)).filter(value -> !value.isBlank());
    }
}

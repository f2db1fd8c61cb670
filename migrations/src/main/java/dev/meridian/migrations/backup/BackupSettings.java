package dev.meridian.migrations.backup;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * The backup settings, read alike by the application (MicroProfile Config) and the operators' command line
 * (the environment): {@code MERIDIAN_BACKUP_DIR} (unset: backups are not configured), the database
 * ({@code DATABASE_URL}) and the owner who dumps it ({@code DATABASE_OWNER_USER},
 * {@code DATABASE_OWNER_PASSWORD}), {@code MERIDIAN_PG_DUMP}, and the retention
 * {@code MERIDIAN_BACKUP_KEEP_DAILY}, {@code _WEEKLY}, {@code _MONTHLY} (30, 26, 24).
 */
public final class BackupSettings {

    public static final String DIRECTORY = "MERIDIAN_BACKUP_DIR";

    private BackupSettings() {
    }

    /**
     * The configured backups, or nothing when {@value #DIRECTORY} is unset.
     *
     * @param setting
     *            a setting's value by name, empty when unset
     * @throws IllegalStateException
     *             when the directory is set but the database or its owner is not
     */
    public static Optional<Backups> backups(Function<String, Optional<String>> setting) {
        return value(setting, DIRECTORY).map(directory -> in(Path.of(directory), setting));
    }

    /** The backups in a given directory (a restore names its file, wherever it is), with the other settings. */
    public static Backups in(Path directory, Function<String, Optional<String>> setting) {
        return new Backups(login(setting), directory, new BackupRetention(
                number(setting, "MERIDIAN_BACKUP_KEEP_DAILY", BackupRetention.DEFAULT.daily()),
                number(setting, "MERIDIAN_BACKUP_KEEP_WEEKLY", BackupRetention.DEFAULT.weekly()),
                number(setting, "MERIDIAN_BACKUP_KEEP_MONTHLY", BackupRetention.DEFAULT.monthly())),
                value(setting, "MERIDIAN_PG_DUMP"));
    }

    /** The owner's login to the database: backups, restores and operator commands run as the owner. */
    public static DatabaseLogin login(Function<String, Optional<String>> setting) {
        return new DatabaseLogin(required(setting, "DATABASE_URL", "the JDBC URL of the database"),
                required(setting, "DATABASE_OWNER_USER", "the schema owner, who dumps and restores it"),
                value(setting, "DATABASE_OWNER_PASSWORD"));
    }

    private static int number(Function<String, Optional<String>> setting, String name, int fallback) {
        try {
            return value(setting, name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(name + " must be a whole number", e);
        }
    }

    private static String required(Function<String, Optional<String>> setting, String name, String meaning) {
        return value(setting, name).orElseThrow(() -> new IllegalStateException(name + " is not set: " + meaning));
    }

    private static Optional<String> value(Function<String, Optional<String>> setting, String name) {
        return setting.apply(name).filter(value -> !value.isBlank());
    }
}

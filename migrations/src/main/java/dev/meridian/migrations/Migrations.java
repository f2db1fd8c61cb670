package dev.meridian.migrations;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Configures Flyway for Meridian's migrations, and rolls them back with our own undo scripts. The data source
 * must connect as the schema owner: the role that owns every table and creates the application and read-only
 * roles.
 */
public final class Migrations {

    /** Where the SQL lives on the classpath; undo scripts sit beside it in {@code db/undo}. */
    public static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;
    private final MigrationRoles roles;

    public Migrations(DataSource owner, MigrationRoles roles) {
        this.roles = roles;
        this.flyway = Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(owner)
                .locations(LOCATION)
                .placeholders(Map.of("appRole", roles.appRole(), "readonlyRole", roles.readonlyRole()))
                .load();
    }

    /** Applies every pending migration and returns how many ran. */
    public int migrate() {
        return flyway.migrate().migrationsExecuted;
    }

    /** The newest versioned migration this build carries, applied or not. */
    public MigrationVersion latestAvailable() {
        return Arrays.stream(flyway.info().all())
                .map(MigrationInfo::getVersion)
                .filter(v -> v != null)
                .max(MigrationVersion::compareTo)
                .orElse(MigrationVersion.EMPTY);
    }

    /** The newest versioned migration applied to the database, if any. */
    public Optional<MigrationVersion> current() {
        return Optional.ofNullable(flyway.info().current()).map(MigrationInfo::getVersion);
    }

    /** Every migration, applied or pending, in the order Flyway applies them. */
    public List<MigrationInfo> info() {
        return List.of(flyway.info().all());
    }

    /**
     * Rolls the schema back to {@code version} ({@code "0"} or blank: to nothing) with the undo scripts in
     * {@code db/undo}, in one transaction. Repeatable migrations are forgotten too, so the next
     * {@link #migrate()} re-applies them; see {@link Rollback}.
     *
     * @return the migrations undone, newest first; none when the schema is at or below the version
     * @throws IllegalStateException
     *             when an undo script is missing or fails; then nothing was changed
     */
    public List<MigrationInfo> rollbackTo(String version) {
        var target = version == null || version.isBlank() || version.strip().equals("0")
                ? MigrationVersion.EMPTY
                : MigrationVersion.fromVersion(version.strip());
        return new Rollback(flyway.getConfiguration(), roles).to(target, flyway.info().applied());
    }
}

package dev.meridian.migrations;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Configures Flyway for Meridian's migrations. The data source must connect as the schema owner: the role
 * that owns every table and creates the application and read-only roles.
 */
public final class Migrations {

    /** Where the SQL lives on the classpath; undo scripts sit beside it in {@code db/undo}. */
    public static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;

    public Migrations(DataSource owner, MigrationRoles roles) {
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
}

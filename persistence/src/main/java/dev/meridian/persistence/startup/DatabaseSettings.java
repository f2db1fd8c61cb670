package dev.meridian.persistence.startup;

import java.util.Optional;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.postgresql.ds.PGSimpleDataSource;

import dev.meridian.migrations.MigrationRoles;
import dev.meridian.migrations.Migrations;

/**
 * The database settings start-up needs, read once from MicroProfile Config: where the database is, the owner
 * who migrates it, and the role names the migrations create. Migrations get their own plain, unpooled
 * connection, apart from the application's pool.
 */
public final class DatabaseSettings {

    private final Config config;
    private final MigrationRoles roles;

    private DatabaseSettings(Config config) {
        this.config = config;
        this.roles = new MigrationRoles(
                config.getOptionalValue("DATABASE_USER", String.class).orElse("meridian_app"),
                config.getOptionalValue("MERIDIAN_READONLY_ROLE", String.class).orElse("meridian_readonly"));
    }

    public static DatabaseSettings fromConfig() {
        return new DatabaseSettings(ConfigProvider.getConfig(DatabaseSettings.class.getClassLoader()));
    }

    /** Migrations as the schema owner, when the owner is configured. */
    Optional<Migrations> asOwner() {
        return config.getOptionalValue("DATABASE_OWNER_USER", String.class)
                .map(owner -> new Migrations(dataSource(owner, "DATABASE_OWNER_PASSWORD"), roles));
    }

    /**
     * Migrations to read from, as the owner if configured, else as the application role (which may read the
     * schema history): for the expected version and the portal's migration status.
     */
    public Migrations forReading() {
        return asOwner().orElseGet(() -> new Migrations(dataSource(roles.appRole(), "DATABASE_PASSWORD"), roles));
    }

    String owner() {
        return config.getOptionalValue("DATABASE_OWNER_USER", String.class).orElse("(none)");
    }

    private DataSource dataSource(String user, String passwordKey) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(config.getValue("DATABASE_URL", String.class));
        dataSource.setUser(user);
        config.getOptionalValue(passwordKey, String.class).ifPresent(dataSource::setPassword);
        return dataSource;
    }
}

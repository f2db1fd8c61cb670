package dev.meridian.persistence.startup;

import java.util.Optional;
import java.util.logging.Logger;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.postgresql.ds.PGSimpleDataSource;

import dev.meridian.migrations.MigrationRoles;
import dev.meridian.migrations.Migrations;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Brings the schema to this build's version at start-up, connecting as the schema owner (never the pool's
 * application role), then makes sure a platform admin exists. Without owner credentials it migrates nothing
 * and readiness reports a schema behind the build until an operator migrates.
 */
@DataSourceDefinition(name = "java:app/jdbc/meridian", className = "org.postgresql.ds.PGSimpleDataSource", url = "${MPCONFIG=DATABASE_URL}", user = "${MPCONFIG=DATABASE_USER}", password = "${MPCONFIG=DATABASE_PASSWORD}", minPoolSize = 2, maxPoolSize = 32, loginTimeout = 5, properties = {
        // EclipseLink binds UUIDs as text: let PostgreSQL infer the parameter types
        "stringtype=unspecified",
        "connectTimeout=5",
        // after a database restart, drop dead pooled connections instead of handing them out
        "fish.payara.is-connection-validation-required=true",
        "fish.payara.connection-validation-method=custom-validation",
        "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
        "fish.payara.fail-all-connections=true",
        "fish.payara.max-wait-time-in-millis=5000"
})
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    private String expectedVersion;

    @Inject
    @ConfigProperty(name = "DATABASE_URL")
    String url;

    @Inject
    @ConfigProperty(name = "DATABASE_USER", defaultValue = "meridian_app")
    String applicationUser;

    @Inject
    @ConfigProperty(name = "DATABASE_PASSWORD")
    Optional<String> applicationPassword;

    @Inject
    @ConfigProperty(name = "DATABASE_OWNER_USER")
    Optional<String> ownerUser;

    @Inject
    @ConfigProperty(name = "DATABASE_OWNER_PASSWORD")
    Optional<String> ownerPassword;

    @Inject
    @ConfigProperty(name = "MERIDIAN_READONLY_ROLE", defaultValue = "meridian_readonly")
    String readonlyRole;

    @Inject
    PlatformBootstrap bootstrap;

    @PostConstruct
    void migrateAndBootstrap() {
        var roles = new MigrationRoles(applicationUser, readonlyRole);
        Migrations migrations;
        if (ownerUser.isPresent()) {
            migrations = new Migrations(dataSource(ownerUser.get(), ownerPassword), roles);
            int applied = migrations.migrate();
            LOG.info(() -> "Schema migrations applied as " + ownerUser.get() + ": " + applied);
        } else {
            migrations = new Migrations(dataSource(applicationUser, applicationPassword), roles);
            LOG.warning("DATABASE_OWNER_USER is not set: no migrations at start-up; run them as the owner");
        }
        expectedVersion = migrations.latestAvailable().getVersion();
        bootstrap.ensurePlatformAdmin();
    }

    /** The newest migration version this build carries; readiness compares the database with it. */
    @Lock(LockType.READ)
    public String expectedVersion() {
        return expectedVersion;
    }

    // a plain, unpooled connection: migrations run once, apart from the application's pool
    private DataSource dataSource(String user, Optional<String> password) {
        var dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url);
        dataSource.setUser(user);
        password.ifPresent(dataSource::setPassword);
        return dataSource;
    }
}

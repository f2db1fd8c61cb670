package dev.meridian.persistence.startup;

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
 * Start-up, once the schema is migrated ({@link BeforeLogin}): notes the schema version this build expects,
 * for readiness, and makes sure a platform admin exists. Also defines the application's data source, which
 * connects as the application role, never as the owner.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/meridian",
        className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${MPCONFIG=DATABASE_URL}",
        user = "${MPCONFIG=DATABASE_USER}",
        password = "${MPCONFIG=DATABASE_PASSWORD}",
        minPoolSize = 2,
        maxPoolSize = 32,
        loginTimeout = 5,
        properties = {
                // EclipseLink binds UUIDs as text: let PostgreSQL infer the parameter types
                "stringtype=unspecified",
                "connectTimeout=5",
                // after a database restart, drop dead pooled connections instead of handing them out
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.PostgresConnectionValidation",
                "fish.payara.fail-all-connections=true",
                // a connection checked in the last seconds is not checked again: no extra round trip per request
                "fish.payara.validate-atmost-once-period-in-seconds=5",
                "fish.payara.max-wait-time-in-millis=5000"
        })
@Startup
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ApplicationStartup {

    private String expectedVersion;

    @Inject
    PlatformBootstrap bootstrap;

    @PostConstruct
    void start() {
        expectedVersion = DatabaseSettings.fromConfig().forReading().latestAvailable().getVersion();
        bootstrap.ensurePlatformAdmin();
    }

    /** The newest migration version this build carries; readiness compares the database with it. */
    @Lock(LockType.READ)
    public String expectedVersion() {
        return expectedVersion;
    }
}

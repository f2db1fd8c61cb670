package dev.meridian.web.health;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.meridian.persistence.health.DatabaseProbe;
import dev.meridian.persistence.startup.ApplicationStartup;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ready when PostgreSQL answers within the timeout and holds the schema version this build expects. It asks
 * anew on every probe, so an instance leaves the load balancer when the database goes and returns when it is
 * back.
 */
@Readiness
@ApplicationScoped
public class ReadinessCheck implements HealthCheck {

    @Inject
    DatabaseProbe database;

    @Inject
    ApplicationStartup schema;

    @Resource
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "MERIDIAN_READY_TIMEOUT_SECONDS", defaultValue = "2")
    int timeoutSeconds;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database").withData("expectedSchema", schema.expectedVersion());
        try {
            // bounded even when the pool itself waits for a connection
            var applied = CompletableFuture.supplyAsync(this::appliedVersion, executor)
                    .get(timeoutSeconds + 1L, TimeUnit.SECONDS);
            return response.withData("schema", applied).status(applied.equals(schema.expectedVersion())).build();
        } catch (Exception e) {
            return response.withData("error", "database unreachable").down().build();
        }
    }

    private String appliedVersion() {
        try {
            return database.appliedVersion(timeoutSeconds).orElse("none");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

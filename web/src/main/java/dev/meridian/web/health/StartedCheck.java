package dev.meridian.web.health;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

import dev.meridian.persistence.startup.ApplicationStartup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Started once start-up has migrated the schema and bootstrapped the platform admin. */
@Startup
@ApplicationScoped
public class StartedCheck implements HealthCheck {

    @Inject
    ApplicationStartup schema;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("started").status(schema.expectedVersion() != null).build();
    }
}

package dev.meridian.web.api;

import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.meridian.persistence.diagnostics.StatementCount;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * With {@code MERIDIAN_SERVER_TIMING=true}, every API response says what it cost in a {@code Server-Timing}
 * header: the time from the first filter to the last ({@code app;dur=}, milliseconds) and the SQL statements
 * sent ({@code db;desc="3 statements"}). Off by default: it tells clients about the inside. It runs first
 * and, response filters running in reverse, last, so it counts everything, authentication included.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 600)
public class ServerTiming implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = ServerTiming.class.getName() + ".started";

    private final boolean enabled = ConfigProvider.getConfig(ServerTiming.class.getClassLoader())
            .getOptionalValue("MERIDIAN_SERVER_TIMING", Boolean.class)
            .orElse(false);

    @Override
    public void filter(ContainerRequestContext request) {
        if (enabled) {
            StatementCount.reset();
            request.setProperty(STARTED, System.nanoTime());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(STARTED) instanceof Long started) {
            var millis = (System.nanoTime() - started) / 1_000_000.0;
            response.getHeaders().add("Server-Timing", String.format(Locale.ROOT,
                    "app;dur=%.1f, db;desc=\"%d statements\"", millis, StatementCount.sent()));
        }
    }
}

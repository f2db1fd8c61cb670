package dev.meridian.web.api;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.usage.UsageMeter;
import dev.meridian.persistence.usage.UsageRecord;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Meters every authenticated API request, refusals and errors included: notes the start before anything else
 * runs and, as the last response filter, hands the request to the {@link UsageMeter}'s in-memory queue. No
 * database work happens here; the meter writes in batches off the request thread.
 */
@Provider
@PreMatching
// the first request filter and, response filters running in reverse order, the last response filter
@Priority(Priorities.AUTHENTICATION - 500)
public class Metering implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = Metering.class.getName() + ".started";
    // what the usage log accepts; anything else never reaches a resource method
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private record Started(Instant at, long nanos) {
    }

    @Inject
    UsageMeter meter;

    @Inject
    ActingContext context;

    @Override
    public void filter(ContainerRequestContext request) {
        if (meter.enabled()) {
            request.setProperty(STARTED, new Started(Instant.now(), System.nanoTime()));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        var started = (Started) request.getProperty(STARTED);
        var caller = context.caller();
        var route = (String) request.getProperty(RouteNames.ROUTE);
        if (started == null || caller.isEmpty() || route == null || !METHODS.contains(request.getMethod())) {
            return;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started.nanos());
        meter.record(new UsageRecord(started.at(), caller.get().organizationId(),
                (UUID) request.getProperty(Authentication.API_KEY_ID), caller.get().userId(), request.getMethod(),
                route, response.getStatus(), (int) Math.min(Integer.MAX_VALUE, millis),
                Math.max(0, request.getLength())));
    }
}

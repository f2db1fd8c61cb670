package dev.meridian.web.api;

import java.util.UUID;

import dev.meridian.domain.audit.SecurityEventKind;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.usage.Quotas;
import dev.meridian.web.problems.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.Provider;

/**
 * Holds an authenticated request to its organization's plan: over the requests per minute or per month, it is
 * answered 429 with {@code Retry-After} (seconds) before any resource runs.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RateLimits implements ContainerRequestFilter {

    @Inject
    Quotas quotas;

    @Inject
    ActingContext context;

    @Override
    public void filter(ContainerRequestContext request) {
        var caller = context.caller();
        if (caller.isEmpty()) {
            return;
        }
        var decision = quotas.admit(caller.get(), (UUID) request.getProperty(Authentication.API_KEY_ID));
        decision.refusal().ifPresent(kind -> {
            var detail = kind == SecurityEventKind.QUOTA_EXCEEDED
                    ? "the plan's monthly quota of " + decision.limit() + " requests is used up"
                    : "the plan's limit of " + decision.limit() + " requests per minute is reached";
            var refused = Problem.response(Status.TOO_MANY_REQUESTS,
                    detail + "; retry after " + decision.retryAfterSeconds() + " s");
            refused.getHeaders().putSingle("Retry-After", Long.toString(decision.retryAfterSeconds()));
            request.abortWith(refused);
        });
    }
}

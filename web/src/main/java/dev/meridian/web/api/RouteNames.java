package dev.meridian.web.api;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Names each resource method's route once, as the application starts ({@link RouteTemplate}), and stamps it
 * on every request the method matches, before authentication: metering reads it there instead of looking the
 * matched method up on each request.
 */
@Provider
public class RouteNames implements DynamicFeature {

    /** The request property holding the template of the route the request matched. */
    public static final String ROUTE = RouteNames.class.getName() + ".route";

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        context.register(new Stamp(RouteTemplate.of(resource.getResourceClass(), resource.getResourceMethod())),
                Priorities.AUTHENTICATION - 100);
    }

    private record Stamp(String route) implements ContainerRequestFilter {

        @Override
        public void filter(ContainerRequestContext request) {
            request.setProperty(ROUTE, route);
        }
    }
}

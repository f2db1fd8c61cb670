package dev.meridian.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * Version 1 of Meridian's REST API; resources and providers are discovered in this WAR. Resources are
 * application-scoped, like providers: one instance serves every request, so what belongs to a request (its
 * path, parameters, {@code UriInfo}) arrives as method parameters, never in fields.
 */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}

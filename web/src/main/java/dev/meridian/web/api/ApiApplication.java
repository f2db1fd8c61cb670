package dev.meridian.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Version 1 of Meridian's REST API; resources and providers are discovered in this WAR. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}

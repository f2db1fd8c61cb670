package dev.meridian.web.api;

import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The API authenticates each request itself ({@link Authentication}) and has no security constraints. Yet
 * once any module of the EAR declares a Jakarta Security mechanism (the portal's form login), Soteria
 * registers its authentication module for every web module, this one included, and Payara then runs it before
 * and after every API call: about 8% of a request's CPU time, for nothing. This takes the registration off
 * again for this module only; the portal keeps its own.
 */
@WebListener
public class NoContainerAuthentication implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        AuthConfigFactory.getFactory().removeServerAuthModule(event.getServletContext());
    }
}

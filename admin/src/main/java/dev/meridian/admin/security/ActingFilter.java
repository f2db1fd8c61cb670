package dev.meridian.admin.security;

import java.io.IOException;

import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.tenancy.Authenticator;
import dev.meridian.persistence.tenancy.Authenticator.SignIn;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the session's caller to each request, so every repository call of the request runs in their context.
 * Each page and ajax request first checks the sign-in again (one lookup): a user deleted or deactivated,
 * whose organization was deactivated, whose password was set anew, or who no longer administers, has their
 * session ended there; a changed role counts from then on. Resources (scripts, styles) are not checked.
 */
@WebFilter("/*")
public class ActingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private static final String RESOURCES = "/jakarta.faces.resource/";

    @Inject
    PortalSession session;

    @Inject
    ActingContext context;

    @Inject
    Authenticator authenticator;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var signIn = session.signIn();
        if (signIn.isPresent()) {
            var caller = request.getServletPath().startsWith(RESOURCES) ? signIn.get().caller() : checked(signIn.get());
            if (caller == null) {
                SessionEnd.end(request, response);
                return;
            }
            session.checked(caller);
            context.authenticated(caller);
        }
        chain.doFilter(request, response);
    }

    /** The caller as the sign-in stands now, or null when it no longer would succeed. */
    private Caller checked(SignIn signIn) {
        try {
            return authenticator.stillSignedIn(signIn).filter(PortalIdentityStore::admits).orElse(null);
        } catch (EJBException | PersistenceException e) {
            // the database is unreachable, so is everything the session could do: the pages say so themselves
            return signIn.caller();
        }
    }
}

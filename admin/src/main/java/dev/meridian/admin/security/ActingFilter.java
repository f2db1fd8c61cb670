package dev.meridian.admin.security;

import java.io.IOException;

import dev.meridian.persistence.context.ActingContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Hands the session's caller to each request, so every repository call of the request runs in their context.
 */
@WebFilter("/*")
public class ActingFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    PortalSession session;

    @Inject
    ActingContext context;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        session.caller().ifPresent(context::authenticated);
        chain.doFilter(request, response);
    }
}

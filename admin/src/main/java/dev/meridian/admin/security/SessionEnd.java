package dev.meridian.admin.security;

import java.io.IOException;
import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Makes the end of a portal session (idle time out, a lost cookie) land on the login page with a word about
 * it, instead of an error page or an ajax request that silently does nothing. The authentication mechanism
 * sends a request without a session to the login page before any filter or JSF sees it, so the login page is
 * where the end shows:
 * <ul>
 * <li>an ajax request arrives as a redirected GET that still carries JSF's ajax header: it is answered with a
 * partial-response redirect, which PrimeFaces follows with a full page load; the session the mechanism opened
 * to remember the ajax request is dropped, so signing in again never replays that request;</li>
 * <li>a page load from a browser that was signed in shows the "session ended" message, once. A signed-in
 * browser holds the {@value #MARKER} cookie (a browser-session cookie, set on its first response after
 * sign-in and removed at sign-out), which tells an ended session from a first visit.</li>
 * </ul>
 */
@WebFilter("/*")
public class SessionEnd extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String MARKER = "meridian-portal";

    private static final String LOGIN_PAGE = "/login.xhtml";
    private static final String ENDED = SessionEnd.class.getName() + ".ended";

    @Inject
    PortalSession session;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var onLoginPage = LOGIN_PAGE.equals(request.getServletPath()) && "GET".equals(request.getMethod());
        if (onLoginPage && ajax(request)) {
            var remembered = request.getSession(false);
            if (remembered != null) {
                remembered.invalidate();
            }
            redirectAjax(request, response);
            return;
        }
        var signedIn = session.caller().isPresent();
        if (signedIn && !marked(request)) {
            response.addCookie(marker(request, "1", -1));
        } else if (!signedIn && onLoginPage && marked(request)) {
            request.setAttribute(ENDED, Boolean.TRUE);
            forget(request, response);
        }
        chain.doFilter(request, response);
    }

    /**
     * Ends the session now, as if it had timed out: the request, page load or ajax, lands on the login page,
     * which says so.
     */
    static void end(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var current = request.getSession(false);
        if (current != null) {
            current.invalidate();
        }
        if (ajax(request)) {
            redirectAjax(request, response);
        } else {
            response.sendRedirect(request.getContextPath() + LOGIN_PAGE);
        }
    }

    private static boolean ajax(HttpServletRequest request) {
        return "partial/ajax".equals(request.getHeader("Faces-Request"));
    }

    private static void redirectAjax(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/xml");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                + request.getContextPath() + LOGIN_PAGE + "\"/></partial-response>");
    }

    /** Whether this request found the login page because the browser's session had ended. */
    static boolean ended(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ENDED));
    }

    /** Removes the mark: after signing out, the login page has nothing to explain. */
    static void forget(HttpServletRequest request, HttpServletResponse response) {
        response.addCookie(marker(request, "", 0));
    }

    private static boolean marked(HttpServletRequest request) {
        return request.getCookies() != null
                && Arrays.stream(request.getCookies()).anyMatch(cookie -> MARKER.equals(cookie.getName()));
    }

    private static Cookie marker(HttpServletRequest request, String value, int maxAge) {
        var cookie = new Cookie(MARKER, value);
        cookie.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setAttribute("SameSite", "Strict");
        cookie.setMaxAge(maxAge);
        return cookie;
    }
}

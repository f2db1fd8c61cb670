package dev.meridian.admin.people;

import java.net.URI;
import java.net.URISyntaxException;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a user redeems a password reset token. The link goes to someone outside, so it starts with the
 * address users reach Meridian at, {@value #SETTING}, when the operator set it: behind a proxy or load
 * balancer, the address a request arrives at is the server's own. Unset, it is the address the admin's
 * request came to.
 */
final class ResetLinks {

    static final String SETTING = "MERIDIAN_PUBLIC_URL";

    private ResetLinks() {
    }

    static String forToken(HttpServletRequest request, String token) {
        var configured = ConfigProvider.getConfig(ResetLinks.class.getClassLoader())
                .getOptionalValue(SETTING, String.class)
                .map(String::strip)
                .filter(value -> !value.isEmpty());
        var origin = configured.map(ResetLinks::checked).orElseGet(() -> {
            var url = request.getRequestURL();
            return url.substring(0, url.length() - request.getRequestURI().length());
        });
        return origin + request.getContextPath() + "/reset-password.xhtml?token=" + token;
    }

    /** An absolute http or https URL, without the slash it may end with. */
    private static String checked(String value) {
        try {
            var uri = new URI(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            }
        } catch (URISyntaxException e) {
            // refused below
        }
        throw new IllegalStateException(SETTING + " must be an http or https URL such as https://meridian.example.com,"
                + " not '" + value + "'");
    }
}

package dev.meridian.web.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import dev.meridian.persistence.problems.AuthenticationFailed;
import dev.meridian.persistence.tenancy.ApiKeyLogins;
import dev.meridian.persistence.tenancy.Authenticator;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every API request names its caller with {@code Authorization: Bearer <key>}; operations marked
 * {@link PasswordAccepted} also take HTTP Basic. Anything else is 401. The key's id stays with the request
 * ({@link #API_KEY_ID}) for metering and quotas.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class Authentication implements ContainerRequestFilter {

    /** The request property holding the id of the API key that signed the request, when one did. */
    public static final String API_KEY_ID = Authentication.class.getName() + ".apiKeyId";

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    @Inject
    Authenticator authenticator;

    @Inject
    ApiKeyLogins keyLogins;

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        var header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            throw new AuthenticationFailed("authentication required: Authorization: Bearer <API key>");
        }
        if (header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.setProperty(API_KEY_ID, keyLogins.authenticate(header.substring(BEARER.length())).keyId());
        } else if (header.regionMatches(true, 0, BASIC, 0, BASIC.length()) && passwordAccepted()) {
            var credentials = decode(header.substring(BASIC.length()));
            int colon = credentials.indexOf(':');
            if (colon < 0) {
                throw new AuthenticationFailed("invalid credentials");
            }
            authenticator.byPassword(credentials.substring(0, colon), credentials.substring(colon + 1));
        } else {
            throw new AuthenticationFailed("authentication required: Authorization: Bearer <API key>");
        }
    }

    private boolean passwordAccepted() {
        var method = resource.getResourceMethod();
        return method != null && method.isAnnotationPresent(PasswordAccepted.class);
    }

    private static String decode(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AuthenticationFailed("invalid credentials");
        }
    }
}

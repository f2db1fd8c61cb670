package dev.meridian.persistence.tenancy;

import java.time.Instant;

import dev.meridian.domain.tenancy.ApiKeyToken;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.problems.AuthenticationFailed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Turns credentials into the request's caller: a username and password (portal, first key) or an API key.
 * Every failure reads the same, so a response never tells which part was wrong.
 */
@Stateless
public class Authenticator {

    private static final String FAILED = "invalid credentials";

    @Inject
    CredentialRepository credentials;

    @Inject
    UserRepository users;

    @Inject
    PasswordHasher hasher;

    @Inject
    ActingContext context;

    public Caller byPassword(String username, String password) {
        var login = credentials.login(username == null ? "" : username.strip().toLowerCase());
        boolean valid = login.map(found -> hasher.verify(password, found.passwordHash()))
                .orElseGet(() -> hasher.verifyNothing(password));
        if (!valid || !login.get().active()) {
            throw new AuthenticationFailed(FAILED);
        }
        var caller = login.get().caller();
        context.authenticated(caller);
        users.find(caller.userId()).ifPresent(user -> user.signedIn(Instant.now()));
        return caller;
    }

    public CredentialRepository.KeyLogin byApiKey(String presented) {
        var login = ApiKeyToken.parse(presented)
                .flatMap(credentials::apiKey)
                .orElseThrow(() -> new AuthenticationFailed(FAILED));
        context.authenticated(login.caller());
        return login;
    }
}

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
            throw failure();
        }
        var caller = login.get().caller();
        context.authenticated(caller);
        users.find(caller.userId()).ifPresent(user -> user.signedIn(Instant.now()));
        return caller;
    }

    /** The holder of a usable key. {@link ApiKeyLogins} calls this only for a key it has not seen lately. */
    public CredentialRepository.KeyLogin byApiKey(ApiKeyToken token) {
        var login = credentials.apiKey(token).orElseThrow(Authenticator::failure);
        context.authenticated(login.caller());
        return login;
    }

    static AuthenticationFailed failure() {
        return new AuthenticationFailed(FAILED);
    }
}

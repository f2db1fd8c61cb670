package dev.meridian.persistence.tenancy;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import dev.meridian.domain.tenancy.ApiKeyToken;
import dev.meridian.domain.tenancy.Sha256;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.problems.AuthenticationFailed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Turns credentials into the request's caller: a username and password (portal, first key) or an API key.
 * Every failure reads the same, so a response never tells which part was wrong. A portal session is checked
 * again on each page: it lasts only while its sign-in would still succeed the same way.
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

    /**
     * A portal sign-in: who signed in, and a stamp of the password hash they signed in with (a digest, not the
     * hash), by which {@link #stillSignedIn} notices a new password.
     */
    public record SignIn(Caller caller, String stamp) implements Serializable {
    }

    public Caller byPassword(String username, String password) {
        return verified(username, password).caller();
    }

    public SignIn signIn(String username, String password) {
        var login = verified(username, password);
        return new SignIn(login.caller(), stamp(login));
    }

    /**
     * The signed-in user as they are now, role included; nobody if they were deleted or deactivated, their
     * organization deactivated, or their password set anew since they signed in.
     */
    public Optional<Caller> stillSignedIn(SignIn signIn) {
        return credentials.login(signIn.caller().username())
                .filter(login -> login.active() && login.caller().userId().equals(signIn.caller().userId())
                        && stamp(login).equals(signIn.stamp()))
                .map(CredentialRepository.Login::caller);
    }

    private CredentialRepository.Login verified(String username, String password) {
        var login = credentials.login(username == null ? "" : username.strip().toLowerCase());
        boolean valid = login.map(found -> hasher.verify(password, found.passwordHash()))
                .orElseGet(() -> hasher.verifyNothing(password));
        if (!valid || !login.get().active()) {
            throw failure();
        }
        var caller = login.get().caller();
        context.authenticated(caller);
        users.find(caller.userId()).ifPresent(user -> user.signedIn(Instant.now()));
        return login.get();
    }

    private static String stamp(CredentialRepository.Login login) {
        return Sha256.hex(login.passwordHash());
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

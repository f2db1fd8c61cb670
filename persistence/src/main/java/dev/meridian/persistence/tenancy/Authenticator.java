package dev.meridian.persistence.tenancy;

import java.io.Serializable;
import java.time.Instant;
import java.util.Optional;

import dev.meridian.domain.tenancy.ApiKeyToken;
import dev.meridian.domain.tenancy.Sha256;
import dev.meridian.persistence.audit.SecurityEvents;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.context.Caller;
import dev.meridian.persistence.problems.AuthenticationFailed;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
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

    @Inject
    SecurityEvents events;

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
        return new SignIn(login.caller(), stamp(login.passwordHash()));
    }

    /**
     * The signed-in user as they are now, role included; nobody if they were deleted or deactivated, their
     * organization deactivated, or their password set anew since they signed in.
     */
    public Optional<Caller> stillSignedIn(SignIn signIn) {
        return credentials.login(signIn.caller().username())
                .filter(login -> login.active() && login.caller().userId().equals(signIn.caller().userId())
                        && stamp(login.passwordHash()).equals(signIn.stamp()))
                .map(CredentialRepository.Login::caller);
    }

    /**
     * Sets the caller's own password, once they have given the current one again: an unattended session or a
     * leaked API key alone does not take the account over. Answers their sign-in under the new password, with
     * which the session it is changed in goes on; their other portal sessions end at their next request.
     */
    public SignIn changeOwnPassword(String currentPassword, String newPassword) {
        var caller = context.requireCaller();
        var user = users.find(caller.userId()).orElseThrow(() -> new ResourceNotFound("caller is gone"));
        if (!hasher.verify(currentPassword == null ? "" : currentPassword, user.getPasswordHash())) {
            events.loginFailed(caller.username(), caller.organizationId(), caller.userId(),
                    "wrong current password on a password change");
            throw new InvalidInput("currentPassword", "the current password is not right");
        }
        var hash = hasher.hash(Valid.password("newPassword", newPassword));
        user.changePasswordHash(hash);
        return new SignIn(caller, stamp(hash));
    }

    private CredentialRepository.Login verified(String username, String password) {
        var login = credentials.login(username == null ? "" : username.strip().toLowerCase());
        boolean valid = login.map(found -> hasher.verify(password, found.passwordHash()))
                .orElseGet(() -> hasher.verifyNothing(password));
        if (!valid || !login.get().active()) {
            recordFailure(username, login, valid);
            throw failure();
        }
        var caller = login.get().caller();
        context.authenticated(caller);
        users.find(caller.userId()).ifPresent(user -> user.signedIn(Instant.now()));
        return login.get();
    }

    /** The security event of a failed sign-in; its reason is for the trail, never for the answer. */
    private void recordFailure(String username, Optional<CredentialRepository.Login> login, boolean passwordRight) {
        var known = login.map(CredentialRepository.Login::caller);
        var reason = known.isEmpty()
                ? "unknown user"
                : passwordRight ? "user or organization deactivated" : "wrong password";
        events.loginFailed(username == null ? "" : username.strip(), known.map(Caller::organizationId).orElse(null),
                known.map(Caller::userId).orElse(null), reason);
    }

    private static String stamp(String passwordHash) {
        return Sha256.hex(passwordHash);
    }

    /** The holder of a usable key. {@link ApiKeyLogins} calls this only for a key it has not seen lately. */
    public CredentialRepository.KeyLogin byApiKey(ApiKeyToken token) {
        var login = credentials.apiKey(token).orElseThrow(() -> {
            events.keyRejected(token.prefix());
            return failure();
        });
        context.authenticated(login.caller());
        return login;
    }

    static AuthenticationFailed failure() {
        return new AuthenticationFailed(FAILED);
    }
}

package dev.meridian.persistence.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.meridian.domain.tenancy.PasswordResetSecret;
import dev.meridian.domain.tenancy.PasswordResetToken;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.Conflict;
import dev.meridian.persistence.problems.InvalidInput;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Password reset tokens, issued by an organization's owners and admins (or a platform admin) for one of its
 * users. The secret is answered once, to be handed to the user; only its hash is stored. A user has at most
 * one outstanding token: issuing a new one spends the older ones. Redeeming a token sets the user's password,
 * once, by whoever holds it.
 */
@Stateless
public class PasswordResetService {

    /** A new token's secret, the only copy there will ever be, and until when it is valid. */
    public record Issued(String username, PasswordResetSecret secret, Instant expiresAt) {
    }

    @Inject
    Administered administered;

    @Inject
    PasswordResetRepository tokens;

    @Inject
    CredentialRepository credentials;

    @Inject
    PasswordHasher hasher;

    @Inject
    ActingContext context;

    @Inject
    @ConfigProperty(name = "MERIDIAN_PASSWORD_RESET_HOURS", defaultValue = "24")
    int validHours;

    public Issued issue(UUID userId) {
        return context.withCallersReach(() -> {
            var user = administered.user(userId);
            if (!user.isActive()) {
                throw new Conflict("a deactivated user cannot reset their password");
            }
            var now = Instant.now();
            tokens.unusedOf(user).stream().filter(older -> older.isUsable(now)).forEach(older -> older.use(now));
            var secret = PasswordResetSecret.generate();
            var token = tokens.store(new PasswordResetToken(user, secret, now.plus(Duration.ofHours(validHours))));
            return new Issued(user.getUsername(), secret, token.getExpiresAt());
        });
    }

    /**
     * Sets the password of the user the token was issued for, and spends the token. An unknown, spent or expired
     * token, or one of a user or organization deactivated since, is refused in the same words, and the request
     * then acts as that user: the lookup is the only thing done across tenants.
     */
    public void redeem(String token, String newPassword) {
        var password = Valid.password(newPassword);
        var secret = new PasswordResetSecret(token == null ? "" : token.strip());
        var holder = credentials.passwordReset(secret).orElseThrow(PasswordResetService::unusable);
        context.authenticated(holder);
        var now = Instant.now();
        var reset = tokens.lockedByHash(secret.hash()).filter(found -> found.isUsable(now))
                .orElseThrow(PasswordResetService::unusable);
        reset.use(now);
        reset.getUser().changePasswordHash(hasher.hash(password));
    }

    private static InvalidInput unusable() {
        return new InvalidInput("token", "this reset token is not valid: it may be mistyped, used or expired");
    }
}

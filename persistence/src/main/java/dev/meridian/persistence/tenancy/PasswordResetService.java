package dev.meridian.persistence.tenancy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.meridian.domain.tenancy.PasswordResetSecret;
import dev.meridian.domain.tenancy.PasswordResetToken;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.problems.Conflict;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/**
 * Password reset tokens, issued by an organization's owners and admins (or a platform admin) for one of its
 * users. The secret is answered once, to be handed to the user; only its hash is stored. A user has at most
 * one outstanding token: issuing a new one spends the older ones.
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
}

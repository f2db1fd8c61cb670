package dev.meridian.domain.tenancy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * What a {@link PasswordResetToken} stands for: 256 random bits, handed to the user once by whoever issued
 * it. Only its SHA-256 is stored, so a copy of the database resets nobody's password.
 */
public record PasswordResetSecret(String value) {

    private static final SecureRandom RANDOM = new SecureRandom();

    public PasswordResetSecret {
        Objects.requireNonNull(value, "value");
    }

    public static PasswordResetSecret generate() {
        var secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new PasswordResetSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    public String hash() {
        return Sha256.hex(value);
    }

    @Override
    public String toString() {
        return "PasswordResetSecret[…]";
    }
}

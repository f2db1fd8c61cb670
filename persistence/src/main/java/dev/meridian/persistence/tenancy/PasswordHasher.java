package dev.meridian.persistence.tenancy;

import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

/**
 * Password hashing with Jakarta Security's PBKDF2, at OWASP's recommended 600,000 iterations of HMAC-SHA256.
 * The iteration count is stored in each hash, so raising it later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHasher {

    /** Verified against when a username is unknown, so a miss costs the same time as a wrong password. */
    private String decoy;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "MERIDIAN_PASSWORD_ITERATIONS", defaultValue = "600000")
    int iterations;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "16",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = pbkdf2.generate("decoy".toCharArray());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        return pbkdf2.verify(password.toCharArray(), hash);
    }

    /** Spends the time of one verification and fails. */
    public boolean verifyNothing(String password) {
        pbkdf2.verify(password.toCharArray(), decoy);
        return false;
    }
}

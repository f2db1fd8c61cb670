package dev.meridian.domain.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hex SHA-256 under which high-entropy secrets (API keys, password reset tokens) are stored: random
 * enough that nothing can be guessed, so they need no slow hash. A portal session keeps one of the password
 * hash it signed in with, to notice a new password without holding the hash.
 */
public final class Sha256 {

    private Sha256() {
    }

    public static String hex(String text) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}

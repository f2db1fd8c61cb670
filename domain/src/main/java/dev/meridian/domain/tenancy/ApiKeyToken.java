package dev.meridian.domain.tenancy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The full API key a client presents: {@code mrd_<prefix>_<secret>}. The prefix is visible and finds the key;
 * only the SHA-256 hash of the whole token is stored. A 256-bit random secret needs no slow hash: nothing can
 * be guessed.
 */
public record ApiKeyToken(String prefix, String secret) {

    private static final String SCHEME = "mrd_";
    private static final Pattern FORM = Pattern.compile("mrd_([a-z0-9]{12})_([A-Za-z0-9_-]{43})");
    private static final char[] PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeyToken generate() {
        var prefix = new char[12];
        for (int i = 0; i < prefix.length; i++) {
            prefix[i] = PREFIX_ALPHABET[RANDOM.nextInt(PREFIX_ALPHABET.length)];
        }
        var secret = new byte[32];
        RANDOM.nextBytes(secret);
        return new ApiKeyToken(new String(prefix), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** Reads a presented token; anything not of the key's form is simply no key. */
    public static Optional<ApiKeyToken> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        var match = FORM.matcher(presented.strip());
        return match.matches() ? Optional.of(new ApiKeyToken(match.group(1), match.group(2))) : Optional.empty();
    }

    public String value() {
        return SCHEME + prefix + "_" + secret;
    }

    public String hash() {
        return Sha256.hex(value());
    }

    /** Compares with a stored hash in constant time. */
    public boolean matches(String storedHash) {
        return storedHash != null && MessageDigest.isEqual(hash().getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return SCHEME + prefix + "_…";
    }
}

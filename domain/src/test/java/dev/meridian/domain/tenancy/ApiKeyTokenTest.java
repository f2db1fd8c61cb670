package dev.meridian.domain.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeyTokenTest {

    @Test
    void aGeneratedTokenParsesBackAndMatchesItsHash() {
        var token = ApiKeyToken.generate();
        var parsed = ApiKeyToken.parse(token.value()).orElseThrow();
        assertEquals(token, parsed);
        assertTrue(parsed.matches(token.hash()));
        assertEquals(64, token.hash().length());
    }

    @Test
    void aChangedSecretDoesNotMatch() {
        var token = ApiKeyToken.generate();
        var other = new ApiKeyToken(token.prefix(), ApiKeyToken.generate().secret());
        assertFalse(other.matches(token.hash()));
        assertNotEquals(token.hash(), other.hash());
    }

    @Test
    void malformedTokensAreNoKeys() {
        assertEquals(Optional.empty(), ApiKeyToken.parse(null));
        assertEquals(Optional.empty(), ApiKeyToken.parse("mrd_short_secret"));
        assertEquals(Optional.empty(), ApiKeyToken.parse("Bearer mrd_abcdefabcdef_" + "a".repeat(43)));
        assertTrue(ApiKeyToken.parse("mrd_abcdefabcdef_" + "a".repeat(43)).isPresent());
    }

    @Test
    void theSecretNeverShowsInToString() {
        var token = ApiKeyToken.generate();
        assertFalse(token.toString().contains(token.secret()));
    }
}

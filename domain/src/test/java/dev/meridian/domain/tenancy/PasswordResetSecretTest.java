package dev.meridian.domain.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordResetSecretTest {

    @Test
    void aGeneratedSecretIsStoredAsTheHexHashTheSchemaExpects() {
        var secret = PasswordResetSecret.generate();

        assertEquals(43, secret.value().length());
        assertTrue(secret.hash().matches("[0-9a-f]{64}"), secret.hash());
        assertEquals(secret.hash(), new PasswordResetSecret(secret.value()).hash());
    }

    @Test
    void twoSecretsDiffer() {
        assertNotEquals(PasswordResetSecret.generate().hash(), PasswordResetSecret.generate().hash());
    }

    @Test
    void theSecretNeverShowsInToString() {
        var secret = PasswordResetSecret.generate();
        assertFalse(secret.toString().contains(secret.value()));
    }
}

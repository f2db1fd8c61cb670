package dev.meridian.domain.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class UserTest {

    private static User user() {
        var organization = new Organization(new Slug("acme"), "Acme", new Plan("team", "Team", 1, 1, BigDecimal.ONE));
        return new User(organization, new Username("ada"), "hash", "Ada Lovelace", Role.MEMBER);
    }

    @Test
    void anEmailIsKeptTrimmedAndABlankOneClearsIt() {
        var user = user();
        user.setEmail(" ada@example.org ");
        assertEquals(Optional.of("ada@example.org"), user.getEmail());
        user.setEmail("  ");
        assertTrue(user.getEmail().isEmpty());
    }

    @Test
    void anEmailHasOneAtSignSomethingEitherSideNoSpacesAndFitsTheColumn() {
        var user = user();
        user.setEmail("ada@example.org");
        for (var email : new String[]{"ada", "ada@", "@example.org", "a@b@c", "ada lovelace@example.org",
                "a@" + "b".repeat(319)}) {
            assertThrows(IllegalArgumentException.class, () -> user.setEmail(email), email);
        }
        assertEquals(Optional.of("ada@example.org"), user.getEmail(), "a refused address leaves the old one");
    }

    @Test
    void aDeactivatedUserMayBeReactivated() {
        var user = user();
        user.deactivate();
        assertFalse(user.isActive());
        user.reactivate();
        assertTrue(user.isActive());
    }
}

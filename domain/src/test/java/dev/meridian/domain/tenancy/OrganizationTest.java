package dev.meridian.domain.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OrganizationTest {

    private static final String SECRET = "s".repeat(16);

    private static Organization organization() {
        return new Organization(new Slug("acme"), "Acme", new Plan("free", "Free", 10, 1, BigDecimal.ZERO));
    }

    @Test
    void aWebhookIsSetReplacedAndRemovedWithItsSecret() {
        var organization = organization();
        assertEquals(Optional.empty(), organization.getWebhook());

        organization.setWebhook(new Organization.Webhook("https://hooks.example/a", SECRET));
        organization.setEmailNotifications(true);
        assertEquals(Optional.of(new Organization.Webhook("https://hooks.example/a", SECRET)),
                organization.getWebhook());
        assertTrue(organization.isEmailNotifications());

        organization.setWebhook(null);
        organization.setEmailNotifications(false);
        assertEquals(Optional.empty(), organization.getWebhook());
        assertFalse(organization.isEmailNotifications());
    }

    @Test
    void aWebhookIsAnHttpUrlWithoutSpacesAndASecretOf16To200Characters() {
        new Organization.Webhook("http://" + "h".repeat(1993), "s".repeat(200));
        for (var url : new String[]{"ftp://hooks.example", "hooks.example", "https://hooks.example/a b",
                "https://", "http://" + "h".repeat(1994)}) {
            assertThrows(IllegalArgumentException.class, () -> new Organization.Webhook(url, SECRET), url);
        }
        for (var secret : new String[]{"s".repeat(15), "s".repeat(201)}) {
            assertThrows(IllegalArgumentException.class,
                    () -> new Organization.Webhook("https://hooks.example", secret), secret);
        }
    }

    @Test
    void aWebhookNeverShowsItsSecretInText() {
        assertFalse(new Organization.Webhook("https://hooks.example", SECRET).toString().contains(SECRET));
    }
}

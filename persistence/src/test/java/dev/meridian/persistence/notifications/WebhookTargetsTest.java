package dev.meridian.persistence.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which webhook URLs are saved, with private addresses allowed by the operator and without. */
class WebhookTargetsTest {

    private static final WebhookTargets PUBLIC_ONLY = new WebhookTargets(false);
    private static final WebhookTargets PRIVATE_ALLOWED = new WebhookTargets(true);

    @ParameterizedTest
    @ValueSource(
            strings = {"https://93.184.216.34/hook", "http://8.8.8.8:8080/x", "https://[2606:4700::1111]/hook",
                    "https://100.128.0.1/", "https://172.32.0.1/", "https://hooks.example/acme"})
    void publicAddressesAndNamesThatDoNotResolveYetAreSaved(String url) {
        assertEquals(url, PUBLIC_ONLY.checked(url));
        assertEquals(url, PRIVATE_ALLOWED.checked(url));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                    "http://127.0.0.1:8080/hook | 127.0.0.1 is a loopback address",
                    "http://localhost/hook      | localhost resolves to 127.0.0.1, a loopback address",
                    "http://2130706433/hook     | 2130706433 resolves to 127.0.0.1, a loopback address",
                    "http://[::1]/hook          | [::1] is a loopback address",
                    "http://10.1.2.3/hook       | 10.1.2.3 is a private address",
                    "http://172.16.0.1/hook     | 172.16.0.1 is a private address",
                    "http://192.168.1.20/hook   | 192.168.1.20 is a private address",
                    "http://100.64.0.1/hook     | 100.64.0.1 is a private address",
                    "http://[fd00::1]/hook      | [fd00::1] is a private address"})
    void loopbackAndPrivateAddressesNeedTheOperatorsConsent(String url, String reason) {
        assertRefused(PUBLIC_ONLY, url, reason);
        assertEquals(url, PRIVATE_ALLOWED.checked(url));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                    "http://169.254.169.254/latest/meta-data | 169.254.169.254 is a link-local address",
                    "http://[fe80::1]/hook                   | [fe80::1] is a link-local address",
                    "http://0.0.0.0:8080/hook                | 0.0.0.0 is an unspecified address",
                    "http://0.1.2.3/hook                     | 0.1.2.3 is an unspecified address",
                    "http://[::]/hook                        | [::] is an unspecified address",
                    "http://224.0.0.1/hook                   | 224.0.0.1 is a multicast or broadcast address",
                    "http://255.255.255.255/hook             | 255.255.255.255 is a multicast or broadcast address",
                    "http://[::ffff:169.254.169.254]/hook    | [::ffff:169.254.169.254] is a link-local address",
                    "http://my_host/hook                     | it names no host"})
    void metadataUnspecifiedMulticastAndHostlessTargetsAreNeverSaved(String url, String reason) {
        assertRefused(PUBLIC_ONLY, url, reason);
        assertRefused(PRIVATE_ALLOWED, url, reason);
    }

    private static void assertRefused(WebhookTargets targets, String url, String reason) {
        var refused = assertThrows(IllegalArgumentException.class, () -> targets.checked(url));
        assertEquals("a webhook URL must reach a public address: " + reason, refused.getMessage());
    }
}

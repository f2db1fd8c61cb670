package dev.meridian.persistence.notifications;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Meridian-Signature} header of a webhook delivery: {@code t=<unix seconds>,v1=<hex HMAC-SHA256>}
 * over {@code "<t>.<body>"} with the organization's webhook secret. The timestamp is inside the MAC, so a
 * receiver that rejects old timestamps also rejects replays; README says how to verify.
 */
final class WebhookSignature {

    static final String HEADER = "Meridian-Signature";
    private static final String ALGORITHM = "HmacSHA256";

    private WebhookSignature() {
    }

    static String header(String secret, long unixSeconds, String body) {
        return "t=" + unixSeconds + ",v1=" + hmac(secret, unixSeconds + "." + body);
    }

    private static String hmac(String secret, String signed) {
        try {
            var mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java platform has HMAC-SHA256", e);
        }
    }
}

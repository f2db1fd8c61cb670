package dev.meridian.domain.notifications;

import java.util.Locale;

/** How a notification is delivered: a signed (HMAC) webhook or an e-mail; stored in lower case. */
public enum Channel {
    WEBHOOK, EMAIL;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("channel must be webhook or email");
        }
    }
}

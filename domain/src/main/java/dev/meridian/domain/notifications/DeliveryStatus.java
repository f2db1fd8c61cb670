package dev.meridian.domain.notifications;

import java.util.Locale;

/** Where the delivery of a notification on one channel stands, stored in lower case. */
public enum DeliveryStatus {
    PENDING, SENT, FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status must be one of pending, sent, failed");
        }
    }
}

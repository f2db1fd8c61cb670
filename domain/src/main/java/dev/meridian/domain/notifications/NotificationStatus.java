package dev.meridian.domain.notifications;

import java.util.Locale;

/** Where a notification stands, stored in lower case. */
public enum NotificationStatus {
    PENDING, SENT, FAILED, READ;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static NotificationStatus fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status must be one of pending, sent, failed, read");
        }
    }
}

package dev.meridian.domain.operations;

import java.util.Locale;

/** Whose turn it is on a support ticket, stored in lower case. */
public enum TicketStatus {
    /** Waiting for support. */
    OPEN,
    /** Waiting for the tenant. */
    PENDING, CLOSED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TicketStatus fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status must be one of open, pending, closed");
        }
    }
}

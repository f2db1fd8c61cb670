package dev.meridian.domain.notifications;

import java.util.Locale;

/** What a change event is about, stored in lower case. */
public enum SubjectType {
    PLACE, LOCATION;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SubjectType fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("subject type must be place or location");
        }
    }
}

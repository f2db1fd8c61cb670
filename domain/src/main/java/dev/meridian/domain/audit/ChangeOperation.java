package dev.meridian.domain.audit;

import java.util.Locale;

/** The statement that changed a row, stored as PostgreSQL's trigger names it. */
public enum ChangeOperation {
    INSERT, UPDATE, DELETE;

    public static ChangeOperation fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("operation must be one of INSERT, UPDATE, DELETE");
        }
    }
}

package dev.meridian.domain.tenancy;

import java.util.Locale;

/** A user's role inside their organization, stored in lower case. */
public enum Role {
    OWNER, ADMIN, MEMBER, VIEWER;

    /** Owners and admins manage their organization's users and keys. */
    public boolean administers() {
        return this == OWNER || this == ADMIN;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("role must be one of owner, admin, member, viewer");
        }
    }
}

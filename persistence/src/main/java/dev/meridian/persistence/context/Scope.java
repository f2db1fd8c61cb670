package dev.meridian.persistence.context;

import java.util.Locale;

/** How far an actor reaches: nowhere, its own tenant, or every tenant (explicit and audited). */
public enum Scope {
    NONE, TENANT, PLATFORM;

    /** The value policies compare with {@code app.scope}; none is the empty string, which matches nothing. */
    String setting() {
        return this == NONE ? "" : name().toLowerCase(Locale.ROOT);
    }
}

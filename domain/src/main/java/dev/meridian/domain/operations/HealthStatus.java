package dev.meridian.domain.operations;

import java.util.Locale;

/**
 * How the platform was doing when a health snapshot was taken, stored in upper case as MicroProfile Health
 * says.
 */
public enum HealthStatus {
    UP, DEGRADED, DOWN;

    public static HealthStatus fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status must be one of UP, DEGRADED, DOWN");
        }
    }
}

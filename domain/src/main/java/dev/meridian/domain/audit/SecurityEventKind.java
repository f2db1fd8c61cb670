package dev.meridian.domain.audit;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What kind of security event happened, stored in lower snake case. */
public enum SecurityEventKind {
    LOGIN_FAILED, KEY_REJECTED, KEY_REVOKED, QUOTA_EXCEEDED, RATE_LIMITED, CROSS_TENANT_ATTEMPT, PLATFORM_SCOPE,
    /** A scheduled job failed on its last attempt (platform-level, no tenant). */
    JOB_FAILED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SecurityEventKind fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("kind must be one of " + Arrays.stream(values())
                    .map(SecurityEventKind::code).collect(Collectors.joining(", ")));
        }
    }
}

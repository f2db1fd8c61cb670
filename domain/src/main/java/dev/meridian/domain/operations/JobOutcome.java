package dev.meridian.domain.operations;

import java.util.Locale;

/** How a scheduled job's run ended, or that it is still running; stored in lower case. */
public enum JobOutcome {
    RUNNING, SUCCEEDED, FAILED,
    /** Started, then found nothing it could do (a job that is not configured). */
    SKIPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobOutcome fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("outcome must be one of running, succeeded, failed, skipped");
        }
    }
}

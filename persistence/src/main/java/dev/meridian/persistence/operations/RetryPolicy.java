package dev.meridian.persistence.operations;

import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;

/**
 * How often a failing job is tried and how long it waits in between: attempt {@code n + 1} follows a failed
 * attempt {@code n} after {@code firstDelay × 2^(n−1)} (60 s, 120 s, 240 s, …), up to {@code maxAttempts}
 * attempts per schedule. Settings {@code MERIDIAN_JOB_MAX_ATTEMPTS} (default 3) and
 * {@code MERIDIAN_JOB_RETRY_DELAY_SECONDS} (default 60).
 */
record RetryPolicy(int maxAttempts, Duration firstDelay) {

    /** A retry is never put off longer than this, whatever the attempts and the first delay. */
    static final Duration LONGEST_DELAY = Duration.ofHours(6);

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("MERIDIAN_JOB_MAX_ATTEMPTS must be at least 1");
        }
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("MERIDIAN_JOB_RETRY_DELAY_SECONDS must be at least 1");
        }
    }

    static RetryPolicy fromConfig(Config config) {
        return new RetryPolicy(config.getOptionalValue("MERIDIAN_JOB_MAX_ATTEMPTS", Integer.class).orElse(3),
                Duration.ofSeconds(config.getOptionalValue("MERIDIAN_JOB_RETRY_DELAY_SECONDS", Long.class)
                        .orElse(60L)));
    }

    /** How long to wait before the next attempt after {@code attempt} failed; nothing when it was the last. */
    Optional<Duration> delayAfter(int attempt) {
        if (attempt >= maxAttempts) {
            return Optional.empty();
        }
        var delay = firstDelay;
        for (int i = 1; i < attempt && delay.compareTo(LONGEST_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return Optional.of(delay.compareTo(LONGEST_DELAY) > 0 ? LONGEST_DELAY : delay);
    }
}

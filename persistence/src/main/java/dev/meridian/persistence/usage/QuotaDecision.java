package dev.meridian.persistence.usage;

import java.util.Optional;

import dev.meridian.domain.audit.SecurityEventKind;

/**
 * Whether a request may go on and, when not, why ({@code RATE_LIMITED} for the minute, {@code QUOTA_EXCEEDED}
 * for the month), the limit it hit and how many seconds until its window ends.
 */
public record QuotaDecision(Optional<SecurityEventKind> refusal, long limit, long retryAfterSeconds) {

    static final QuotaDecision ADMITTED = new QuotaDecision(Optional.empty(), 0, 0);

    static QuotaDecision refused(SecurityEventKind why, long limit, long retryAfterSeconds) {
        return new QuotaDecision(Optional.of(why), limit, Math.max(1, retryAfterSeconds));
    }

    public boolean admitted() {
        return refusal.isEmpty();
    }
}

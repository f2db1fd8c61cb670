package dev.meridian.persistence.usage;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One API request as the usage log keeps it: when, who (organization, key, user), which route template (never
 * the raw path), its status, how long it took and how many bytes it carried in.
 *
 * @param apiKeyId
 *            null for a request signed in with a password
 */
public record UsageRecord(Instant occurredAt, UUID organizationId, UUID apiKeyId, UUID userId, String method,
        String route, int status, int durationMs, long requestBytes) {

    public UsageRecord {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(route, "route");
        if (status < 100 || status > 599 || durationMs < 0 || requestBytes < 0) {
            throw new IllegalArgumentException("status 100-599, duration and bytes >= 0");
        }
    }
}

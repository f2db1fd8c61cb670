package dev.meridian.persistence.tenancy;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** An API key as an organization's key list shows it: never its secret, which is not kept. */
public record KeyRow(UUID id, String name, String prefix, String owner, Instant createdAt, Instant lastUsedAt,
        Instant expiresAt, Instant revokedAt) implements Serializable {

    public boolean revoked() {
        return revokedAt != null;
    }
}

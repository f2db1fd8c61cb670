package dev.meridian.persistence.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One security event as the audit list shows it, with the tenant and actor named where the caller may see
 * them.
 */
public record SecurityEventRow(UUID id, Instant occurredAt, String tenant, String kind, String actor, String detail)
        implements
            Serializable {
}

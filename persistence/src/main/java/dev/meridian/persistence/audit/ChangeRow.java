package dev.meridian.persistence.audit;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/**
 * One change-log entry as the audit list shows it: the tenant by slug and the actor by username where the
 * caller may see them, by id otherwise.
 */
public record ChangeRow(long id, Instant occurredAt, String tenant, String tableName, String operation, UUID rowId,
        String actor, boolean platformScope) implements Serializable {
}

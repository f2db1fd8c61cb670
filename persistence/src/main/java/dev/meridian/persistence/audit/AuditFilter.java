package dev.meridian.persistence.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the audit lists are narrowed to; every part is optional. {@code table} applies to changes,
 * {@code kind} to security events; the actor is a username or user id, the tenant an organization's slug or
 * id, and the time range includes {@code from} and excludes {@code to}.
 */
public record AuditFilter(String table, String kind, String actor, String tenant, Instant from, Instant to)
        implements
            Serializable {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);
}

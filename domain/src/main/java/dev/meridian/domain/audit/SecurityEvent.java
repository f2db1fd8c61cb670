package dev.meridian.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.common.IdentifiedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * Something security-relevant that happened: a failed sign-in, a rejected or revoked key, a quota or
 * rate-limit hit, a cross-tenant attempt, a use of platform scope. Appended, never changed (the application
 * role may not update or delete one). An event may belong to no tenant when none is known yet (an unknown
 * username); such events are visible in platform scope only.
 */
@Entity
@Table(name = "security_event")
public class SecurityEvent extends IdentifiedEntity {

    @Column(name = "organization_id", updatable = false)
    private UUID organizationId;

    @Column(name = "kind", nullable = false, updatable = false)
    private SecurityEventKind kind;

    @Column(name = "actor_user_id", updatable = false)
    private UUID actorUserId;

    /** A JSON object, kept as text (jsonb in the database). */
    @Column(name = "detail", nullable = false, updatable = false)
    private String detail = "{}";

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    protected SecurityEvent() {
    }

    /**
     * @param organizationId
     *            the tenant concerned, or null when none is known
     * @param actorUserId
     *            who acted, or null when nobody is known
     * @param detail
     *            a JSON object with what the event needs to be understood (never a secret)
     */
    public SecurityEvent(SecurityEventKind kind, UUID organizationId, UUID actorUserId, String detail,
            Instant occurredAt) {
        this.kind = Objects.requireNonNull(kind, "kind");
        this.organizationId = organizationId;
        this.actorUserId = actorUserId;
        this.detail = requireJsonObject(detail);
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
    }

    private static String requireJsonObject(String detail) {
        var stripped = Objects.requireNonNull(detail, "detail").strip();
        // the database checks it fully; this catches the obvious mistake early
        if (!stripped.startsWith("{") || !stripped.endsWith("}")) {
            throw new IllegalArgumentException("detail must be a JSON object");
        }
        return stripped;
    }

    public Optional<UUID> getOrganizationId() {
        return Optional.ofNullable(organizationId);
    }

    public SecurityEventKind getKind() {
        return kind;
    }

    public Optional<UUID> getActorUserId() {
        return Optional.ofNullable(actorUserId);
    }

    public String getDetail() {
        return detail;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }
}

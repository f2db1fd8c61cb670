package dev.meridian.domain.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One changed row of an audited table, as the database's audit trigger recorded it: the row before and after
 * as JSON (credential hashes removed), its tenant, and who acted, read from the transaction's context.
 * Read-only: the trigger is the only writer, and the application role may not insert, update or delete. The
 * table is partitioned by month, with the key (id, occurred_at); the id alone comes from one sequence across
 * partitions, so it is unique and serves as the identity here.
 */
@Entity
@Table(name = "change_log")
public class ChangeLogEntry {

    // EclipseLink wants the identity writable; no code path ever persists an entry
    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private Long id;

    @Column(name = "occurred_at", nullable = false, insertable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "organization_id", insertable = false, updatable = false)
    private UUID organizationId;

    @Column(name = "table_name", nullable = false, insertable = false, updatable = false)
    private String tableName;

    @Column(name = "operation", nullable = false, insertable = false, updatable = false)
    private ChangeOperation operation;

    @Column(name = "row_id", nullable = false, insertable = false, updatable = false)
    private UUID rowId;

    /** A JSON object, kept as text (jsonb in the database); none for an insert. */
    @Column(name = "old_row", insertable = false, updatable = false)
    private String oldRow;

    /** A JSON object, kept as text (jsonb in the database); none for a delete. */
    @Column(name = "new_row", insertable = false, updatable = false)
    private String newRow;

    @Column(name = "actor_user_id", insertable = false, updatable = false)
    private UUID actorUserId;

    @Column(name = "actor_tenant_id", insertable = false, updatable = false)
    private UUID actorTenantId;

    @Column(name = "scope", insertable = false, updatable = false)
    private String scope;

    protected ChangeLogEntry() {
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    /** None for platform-level tables (plans, permissions, geography). */
    public Optional<UUID> getOrganizationId() {
        return Optional.ofNullable(organizationId);
    }

    public String getTableName() {
        return tableName;
    }

    public ChangeOperation getOperation() {
        return operation;
    }

    public UUID getRowId() {
        return rowId;
    }

    public Optional<String> getOldRow() {
        return Optional.ofNullable(oldRow);
    }

    public Optional<String> getNewRow() {
        return Optional.ofNullable(newRow);
    }

    /** None when no user was set: system work, or a superuser at the database. */
    public Optional<UUID> getActorUserId() {
        return Optional.ofNullable(actorUserId);
    }

    public Optional<UUID> getActorTenantId() {
        return Optional.ofNullable(actorTenantId);
    }

    /** Whether the change was made in platform scope, across tenants. */
    public boolean isPlatformScope() {
        return "platform".equals(scope);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof ChangeLogEntry entry && id != null && id.equals(entry.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}

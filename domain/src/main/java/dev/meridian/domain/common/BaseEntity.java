package dev.meridian.domain.common;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Version;

/**
 * Identity, optimistic locking and timestamps of every entity. The id is assigned at construction, so an
 * entity has its identity before it is stored and two new entities are never equal.
 */
@MappedSuperclass
public abstract class BaseEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = UUID.randomUUID();

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    public UUID getId() {
        return id;
    }

    public long getVersion() {
        return version;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    @PrePersist
    void stampCreation() {
        createdAt = Instant.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void stampUpdate() {
        updatedAt = Instant.now();
    }

    @Override
    public final boolean equals(Object other) {
        return this == other || other instanceof BaseEntity entity && entityClass(this) == entityClass(entity)
                && id.equals(entity.getId());
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id);
    }

    // a lazy-loading proxy is a subclass: compare the mapped classes
    private static Class<?> entityClass(BaseEntity entity) {
        Class<?> type = entity.getClass();
        while (type.getSuperclass() != BaseEntity.class) {
            type = type.getSuperclass();
        }
        return type;
    }
}

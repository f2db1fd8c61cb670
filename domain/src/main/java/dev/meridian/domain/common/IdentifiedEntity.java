package dev.meridian.domain.common;

import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * Identity of every entity: a UUID assigned at construction, so an entity has its identity before it is
 * stored and two new entities are never equal. Mutable entities extend {@link BaseEntity}, which adds the
 * optimistic lock version and timestamps; append-only records (security events, snapshots), which are never
 * updated, extend this directly and carry their own time of occurrence.
 */
@MappedSuperclass
public abstract class IdentifiedEntity {

    @Id
    @Column(name = "id", nullable = false, updatable = false)
    private UUID id = UUID.randomUUID();

    public UUID getId() {
        return id;
    }

    @Override
    public final boolean equals(Object other) {
        return this == other || other instanceof IdentifiedEntity entity && entityClass(this) == entityClass(entity)
                && id.equals(entity.getId());
    }

    @Override
    public final int hashCode() {
        return Objects.hash(id);
    }

    // a lazy-loading proxy is an unannotated subclass: compare the mapped classes
    private static Class<?> entityClass(IdentifiedEntity entity) {
        Class<?> type = entity.getClass();
        while (!type.isAnnotationPresent(Entity.class) && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        return type;
    }
}

package dev.meridian.persistence.audit;

import java.util.Optional;
import java.util.UUID;

import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Which organization holds a row: asked in platform scope, in a transaction of its own, only after the
 * caller's own scope found nothing, so that the request's transaction keeps its tenant context.
 */
@Stateless
@RowLevelSecured
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class RowOwners {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<UUID> organizationOf(TenantTable table, UUID id) {
        // the table name comes from the enum, never from input
        return entityManager.createNativeQuery("SELECT organization_id FROM " + table.sqlName() + " WHERE id = ?1")
                .setParameter(1, id)
                .getResultStream()
                .findFirst()
                .map(UUID.class::cast);
    }
}

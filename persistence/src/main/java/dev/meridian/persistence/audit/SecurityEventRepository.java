package dev.meridian.persistence.audit;

import dev.meridian.domain.audit.SecurityEvent;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Appends security events. Each in a transaction of its own: the event stands even when the request that
 * caused it fails or is refused.
 */
@Stateless
@RowLevelSecured
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SecurityEventRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public void record(SecurityEvent event) {
        entityManager.persist(event);
    }
}

package dev.meridian.web;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Test probe, deployed with the application: reads and overwrites PostgreSQL settings on the connection of
 * the caller's transaction, the one the repositories use, without going through the row-level security
 * interceptor.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TransactionSettings {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    /** The setting's value in this transaction; null or empty when no one set it. */
    public String read(String name) {
        return (String) entityManager.createNativeQuery("SELECT current_setting(?1, true)")
                .setParameter(1, name)
                .getSingleResult();
    }

    /** Overwrites a setting until the end of this transaction. */
    public void overwrite(String name, String value) {
        entityManager.createNativeQuery("SELECT set_config(?1, ?2, true)")
                .setParameter(1, name)
                .setParameter(2, value)
                .getSingleResult();
    }
}

package dev.meridian.persistence.tenancy;

import java.util.List;

import dev.meridian.domain.tenancy.PasswordResetToken;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Password reset tokens the acting context may see. */
@Stateless
@RowLevelSecured
public class PasswordResetRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<PasswordResetToken> unusedOf(User user) {
        return entityManager.createQuery("SELECT t FROM PasswordResetToken t WHERE t.user = :user"
                + " AND t.usedAt IS NULL", PasswordResetToken.class)
                .setParameter("user", user)
                .getResultList();
    }

    public PasswordResetToken store(PasswordResetToken token) {
        return Stored.persist(entityManager, token);
    }
}

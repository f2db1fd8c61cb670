package dev.meridian.persistence.tenancy;

import java.util.List;
import java.util.Optional;

import dev.meridian.domain.tenancy.PasswordResetToken;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
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

    /** The token with this hash, locked until the transaction ends so that it is spent only once. */
    public Optional<PasswordResetToken> lockedByHash(String tokenHash) {
        return entityManager.createQuery("SELECT t FROM PasswordResetToken t WHERE t.tokenHash = :hash",
                PasswordResetToken.class)
                .setParameter("hash", tokenHash)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
    }

    public PasswordResetToken store(PasswordResetToken token) {
        return Stored.persist(entityManager, token);
    }
}

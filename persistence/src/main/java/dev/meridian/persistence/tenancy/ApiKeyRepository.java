package dev.meridian.persistence.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.tenancy.ApiKey;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** API keys the acting context may see. */
@Stateless
@RowLevelSecured
public class ApiKeyRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<ApiKey> find(UUID id) {
        return Optional.ofNullable(entityManager.find(ApiKey.class, id));
    }

    public List<ApiKey> ownedBy(User owner) {
        return entityManager.createQuery("SELECT k FROM ApiKey k WHERE k.owner = :owner ORDER BY k.createdAt DESC",
                ApiKey.class)
                .setParameter("owner", owner)
                .getResultList();
    }

    public ApiKey store(ApiKey key) {
        return Stored.persist(entityManager, key);
    }
}

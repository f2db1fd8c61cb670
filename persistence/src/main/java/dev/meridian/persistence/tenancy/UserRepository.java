package dev.meridian.persistence.tenancy;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Users the acting context may see. */
@Stateless
@RowLevelSecured
public class UserRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<User> find(UUID id) {
        return Optional.ofNullable(entityManager.find(User.class, id));
    }

    public List<User> of(Organization organization) {
        return entityManager.createQuery("SELECT u FROM User u WHERE u.organization = :organization"
                + " ORDER BY u.username", User.class)
                .setParameter("organization", organization)
                .getResultList();
    }

    public User store(User user) {
        return Stored.persist(entityManager, user);
    }
}

package dev.meridian.persistence.places;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.places.Category;
import dev.meridian.domain.places.Preference;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Category weights of the acting user: row-level security keeps every other user's out of sight. */
@Stateless
@RowLevelSecured
public class PreferenceRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<Preference> mine() {
        return entityManager.createQuery("SELECT p FROM Preference p JOIN FETCH p.category c ORDER BY c.code",
                Preference.class)
                .getResultList();
    }

    public List<Category> categories() {
        return entityManager.createQuery("SELECT c FROM Category c", Category.class).getResultList();
    }

    /** The user's preferences become exactly these, in this transaction. */
    public void replace(UUID userId, Collection<Preference> preferences) {
        entityManager.createQuery("DELETE FROM Preference p WHERE p.user.id = :user")
                .setParameter("user", userId)
                .executeUpdate();
        preferences.forEach(entityManager::persist);
        entityManager.flush();
    }
}

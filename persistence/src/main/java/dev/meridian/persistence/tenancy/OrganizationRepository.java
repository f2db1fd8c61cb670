package dev.meridian.persistence.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Plan;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Organizations the acting context may see: its own, or all of them in platform scope. */
@Stateless
@RowLevelSecured
public class OrganizationRepository {

    /** The columns a list may sort by, so a sort key never reaches JPQL unchecked. */
    private static final Map<String, String> SORTABLE = Map.of("slug", "o.slug", "name", "o.name", "createdAt",
            "o.createdAt", "active", "o.active");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<Organization> findBySlug(Slug slug) {
        return entityManager.createQuery("SELECT o FROM Organization o WHERE o.slug = :slug", Organization.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst();
    }

    public List<Organization> page(int first, int size, String sortBy, boolean ascending) {
        var order = SORTABLE.getOrDefault(sortBy, "o.slug") + (ascending ? " ASC" : " DESC");
        return entityManager
                .createQuery("SELECT o FROM Organization o ORDER BY " + order + ", o.id", Organization.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(size, 500)))
                .getResultList();
    }

    public long count() {
        return entityManager.createQuery("SELECT count(o) FROM Organization o", Long.class).getSingleResult();
    }

    public Optional<Plan> findPlan(String code) {
        return entityManager.createQuery("SELECT p FROM Plan p WHERE p.code = :code", Plan.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    public Organization store(Organization organization) {
        return Stored.persist(entityManager, organization);
    }
}

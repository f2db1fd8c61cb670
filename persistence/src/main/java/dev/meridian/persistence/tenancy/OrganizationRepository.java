package dev.meridian.persistence.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.tenancy.Organization;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.paging.Columns;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

/** Organizations the acting context may see: its own, or all of them in platform scope. */
@Stateless
@RowLevelSecured
public class OrganizationRepository {

    /**
     * What an organization still holds that deleting it would orphan: its users and places, and whether any API
     * usage of it is on record (the usage log or its daily rollup, which its monthly statements are priced from).
     */
    public record Holdings(long users, long places, boolean usage) {
    }

    /** The columns a list may sort by, so a sort key never reaches JPQL unchecked. */
    private static final Map<String, String> SORTABLE = Map.of("slug", "o.slug", "name", "o.name", "createdAt",
            "o.createdAt", "active", "o.active", "plan", "o.plan.name");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<Organization> findBySlug(Slug slug) {
        return entityManager.createQuery("SELECT o FROM Organization o WHERE o.slug = :slug", Organization.class)
                .setParameter("slug", slug.value())
                .getResultStream()
                .findFirst();
    }

    public Optional<Organization> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Organization.class, id));
    }

    /** A page of the organizations whose slug or name contains {@code text} (any case); all when it is blank. */
    public List<Organization> page(String text, int first, int size, String sortBy, boolean ascending) {
        var order = SORTABLE.getOrDefault(sortBy, "o.slug") + (ascending ? " ASC" : " DESC");
        return matching("SELECT o FROM Organization o", text, " ORDER BY " + order + ", o.id", Organization.class)
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
    }

    public long count(String text) {
        return matching("SELECT count(o) FROM Organization o", text, "", Long.class).getSingleResult();
    }

    public Organization store(Organization organization) {
        return Stored.persist(entityManager, organization);
    }

    public Holdings holdings(UUID id) {
        var row = (Object[]) entityManager.createNativeQuery("""
                WITH o AS (SELECT CAST(?1 AS uuid) AS id)
                SELECT (SELECT count(*) FROM app_user u, o WHERE u.organization_id = o.id),
                       (SELECT count(*) FROM place p, o WHERE p.organization_id = o.id),
                       EXISTS (SELECT 1 FROM usage_log l, o WHERE l.organization_id = o.id)
                         OR EXISTS (SELECT 1 FROM usage_daily d, o WHERE d.organization_id = o.id)
                """).setParameter(1, id.toString()).getSingleResult();
        return new Holdings(((Number) row[0]).longValue(), ((Number) row[1]).longValue(), (Boolean) row[2]);
    }

    /** Deletes the organization now; the entity listeners see it go. */
    public void remove(Organization organization) {
        Stored.remove(entityManager, organization, "organization " + organization.getSlug());
    }

    public void flush() {
        Stored.flush(entityManager);
    }

    private <T> TypedQuery<T> matching(String select, String text, String order, Class<T> type) {
        if (text == null || text.isBlank()) {
            return entityManager.createQuery(select + order, type);
        }
        return entityManager.createQuery(select + " WHERE LOWER(o.slug) LIKE :pattern ESCAPE '\\'"
                + " OR LOWER(o.name) LIKE :pattern ESCAPE '\\'" + order, type)
                .setParameter("pattern", "%" + text.strip().toLowerCase().replaceAll("[\\\\%_]", "\\\\$0") + "%");
    }
}

package dev.meridian.persistence.tenancy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.tenancy.Plan;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.paging.Columns;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Plans: reference data everyone reads and only platform scope writes. The list counts each plan's
 * organizations, which only platform scope sees all of.
 */
@Stateless
@RowLevelSecured
public class PlanRepository {

    private static final Map<String, String> SORTS = Map.of("code", "p.code", "name", "p.name",
            "requestsPerMinute", "p.requests_per_minute", "monthlyRequestQuota", "p.monthly_request_quota",
            "pricePerThousandCalls", "p.price_per_thousand_calls", "organizations", "organizations");

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<PlanRow> page(int first, int size, String sortBy, boolean ascending) {
        List<?> rows = entityManager.createNativeQuery("SELECT p.id, p.code, p.name, p.requests_per_minute,"
                + " p.monthly_request_quota, p.price_per_thousand_calls,"
                + " (SELECT count(*) FROM organization o WHERE o.plan_id = p.id) AS organizations FROM plan p"
                + " ORDER BY " + SORTS.getOrDefault(sortBy, "p.code") + (ascending ? " ASC" : " DESC") + ", p.id")
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Columns.pageSize(size))
                .getResultList();
        return rows.stream().map(row -> {
            var c = (Object[]) row;
            return new PlanRow(Columns.uuid(c[0]), Columns.text(c[1]), Columns.text(c[2]),
                    Columns.number(c[3]).intValue(), Columns.number(c[4]), (BigDecimal) c[5], Columns.number(c[6]));
        }).toList();
    }

    /** Plans are few: counted exactly. */
    public long count() {
        return entityManager.createQuery("SELECT count(p) FROM Plan p", Long.class).getSingleResult();
    }

    /** Every plan by code, for choosing one. */
    public List<Plan> all() {
        return entityManager.createQuery("SELECT p FROM Plan p ORDER BY p.code", Plan.class).getResultList();
    }

    public Optional<Plan> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Plan.class, id));
    }

    public Optional<Plan> findByCode(String code) {
        return entityManager.createQuery("SELECT p FROM Plan p WHERE p.code = :code", Plan.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    public Plan store(Plan plan) {
        return Stored.persist(entityManager, plan);
    }

    public void flush() {
        Stored.flush(entityManager);
    }
}

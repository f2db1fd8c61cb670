package dev.meridian.persistence.geography;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.geography.LocationLevel;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The map read model of the acting tenant, through the security-barrier view {@code tenant_map_aggregate}
 * (the materialized view itself has no row-level security and no grant to the application).
 */
@Stateless
@RowLevelSecured
public class MapAreaRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    /** The areas of one level where the tenant has places. */
    public List<MapArea> areas(LocationLevel level) {
        List<?> rows = entityManager.createNativeQuery("SELECT location_id, parent_id, level, name, lat, lng, places,"
                + " reviews, average_rating FROM tenant_map_aggregate WHERE level = ?1 ORDER BY name, location_id")
                .setParameter(1, level.code())
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new MapArea((UUID) row[0], (UUID) row[1], LocationLevel.fromCode((String) row[2]),
                        (String) row[3], ((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue(),
                        ((Number) row[6]).longValue(), ((Number) row[7]).longValue(), (BigDecimal) row[8]))
                .toList();
    }
}

package dev.meridian.persistence.places;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.geography.Coordinates;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Scores the acting tenant's places near a point for the acting user, in one indexed statement:
 * {@code meridian_recommendations()} (R__recommendations.sql), which holds the formula and the index plan.
 */
@Stateless
@RowLevelSecured
public class RecommendationRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public List<Recommendation> near(Coordinates point, double radiusKm, int limit) {
        List<?> rows = entityManager.createNativeQuery("SELECT id, name, category, location_id, lat, lng, rating,"
                + " ratings_total, distance_km, score FROM meridian_recommendations(?1, ?2, ?3, ?4)")
                .setParameter(1, point.lat())
                .setParameter(2, point.lng())
                .setParameter(3, radiusKm)
                .setParameter(4, limit)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new Recommendation((UUID) row[0], (String) row[1], (String) row[2], (UUID) row[3],
                        ((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue(), (BigDecimal) row[6],
                        ((Number) row[7]).intValue(), ((Number) row[8]).doubleValue(),
                        ((Number) row[9]).doubleValue()))
                .toList();
    }
}

package dev.meridian.persistence.geography;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.geography.Location;
import dev.meridian.domain.geography.LocationLevel;
import dev.meridian.domain.geography.Season;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The location hierarchy, its seasons and its typeahead read model: reference data every tenant reads. */
@Stateless
@RowLevelSecured
public class LocationRepository {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    /** The location with its parent, which every view of it names. */
    public Optional<Location> find(UUID id) {
        return entityManager.createQuery("SELECT l FROM Location l LEFT JOIN FETCH l.parent WHERE l.id = :id",
                Location.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public List<Location> children(Location parent, int first, int size) {
        return entityManager.createQuery("SELECT l FROM Location l JOIN FETCH l.parent WHERE l.parent = :parent"
                + " ORDER BY l.name, l.id",
                Location.class)
                .setParameter("parent", parent)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    public List<Season> seasons(Location location) {
        return entityManager.createQuery("SELECT s FROM Season s WHERE s.location = :location ORDER BY s.during, s.id",
                Season.class)
                .setParameter("location", location)
                .getResultList();
    }

    /**
     * Locations whose name starts with the query first, then those most like it; see meridian_location_typeahead.
     */
    public List<LocationMatch> typeahead(String query, int limit) {
        List<?> rows = entityManager.createNativeQuery("SELECT id, parent_id, level, name, label, lat, lng, time_zone"
                + " FROM meridian_location_typeahead(?1, ?2)")
                .setParameter(1, query)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(row -> new LocationMatch((UUID) row[0], (UUID) row[1], LocationLevel.fromCode((String) row[2]),
                        (String) row[3], (String) row[4], ((Number) row[5]).doubleValue(),
                        ((Number) row[6]).doubleValue(), (String) row[7]))
                .toList();
    }
}

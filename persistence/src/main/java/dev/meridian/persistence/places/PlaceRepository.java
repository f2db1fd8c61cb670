package dev.meridian.persistence.places;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.meridian.domain.geography.Location;
import dev.meridian.domain.notifications.ChangeEvent;
import dev.meridian.domain.places.Category;
import dev.meridian.domain.places.Place;
import dev.meridian.persistence.context.RowLevelSecured;
import dev.meridian.persistence.tenancy.Stored;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Places the acting context may see, their categories and locations, and the change events their changes
 * record.
 */
@Stateless
@RowLevelSecured
public class PlaceRepository {

    /** One place of a search page, with its distance when the search was by distance. */
    public record Hit(Place place, Double distanceKm) {
    }

    // great-circle distance (haversine) in km from the point (?lat, ?lng)
    private static final String DISTANCE = "%s * 2 * asin(sqrt(power(sin(radians(p.lat - ?) / 2), 2)"
            + " + cos(radians(?)) * cos(radians(p.lat)) * power(sin(radians(p.lng - ?) / 2), 2)))";

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    /** The place with its category, in one statement. */
    public Optional<Place> find(UUID id) {
        return entityManager.createQuery("SELECT p FROM Place p LEFT JOIN FETCH p.category WHERE p.id = :id",
                Place.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public boolean exists(UUID id) {
        return !entityManager.createNativeQuery("SELECT 1 FROM place WHERE id = ?1")
                .setParameter(1, id)
                .getResultList()
                .isEmpty();
    }

    /**
     * One page of a tenant's places: a first statement finds the page's ids in order, walking the index that
     * matches the order and the filters (by name: place_organization_id_name_id_idx, or
     * place_organization_id_category_id_name_id_idx within a category, both index-only; a box or a circle:
     * place_organization_id_lat_lng_idx when that is narrower), and a second loads those places with their
     * categories. The tenant is named explicitly, as well as by the policy, so it can lead an index condition.
     */
    public List<Hit> search(UUID tenant, PlaceSearch search) {
        var sql = new StringBuilder();
        var parameters = new ArrayList<Object>();
        var near = search.near();
        if (near.isPresent()) {
            var circle = near.get();
            sql.append("SELECT id, distance_km FROM (SELECT p.id, ")
                    .append(DISTANCE.formatted(PlaceSearch.earthRadiusKm())).append(" AS distance_km FROM place p");
            parameters.add(circle.lat());
            parameters.add(circle.lat());
            parameters.add(circle.lng());
        } else {
            sql.append("SELECT p.id, p.name FROM place p");
        }
        sql.append(" WHERE p.organization_id = ?");
        parameters.add(tenant);
        search.category().ifPresent(code -> {
            sql.append(" AND p.category_id = (SELECT c.id FROM category c WHERE c.code = ?)");
            parameters.add(code);
        });
        var boxes = new ArrayList<PlaceSearch.Box>();
        search.box().ifPresent(boxes::add);
        near.map(PlaceSearch.Circle::bounds).ifPresent(boxes::add);
        for (var box : boxes) {
            sql.append(" AND p.lat BETWEEN ? AND ? AND p.lng BETWEEN ? AND ?");
            parameters.add(box.minLat());
            parameters.add(box.maxLat());
            parameters.add(box.minLng());
            parameters.add(box.maxLng());
        }
        search.text().ifPresent(text -> {
            sql.append(" AND lower(p.name) LIKE ?");
            parameters.add("%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                    + "%");
        });
        var after = search.after();
        if (near.isPresent()) {
            sql.append(") AS near WHERE distance_km <= ?");
            parameters.add(near.get().radiusKm());
            after.ifPresent(position -> {
                sql.append(" AND (distance_km, id) > (?, ?)");
                parameters.add(position.distanceKm());
                parameters.add(position.id());
            });
            sql.append(" ORDER BY distance_km, id");
        } else {
            after.ifPresent(position -> {
                sql.append(" AND (p.name, p.id) > (?, ?)");
                parameters.add(position.name());
                parameters.add(position.id());
            });
            sql.append(" ORDER BY p.name, p.id");
        }
        sql.append(" LIMIT ?");
        parameters.add(search.limit());

        var query = entityManager.createNativeQuery(numbered(sql));
        for (int i = 0; i < parameters.size(); i++) {
            query.setParameter(i + 1, parameters.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        var places = load(rows.stream().map(row -> (UUID) row[0]).toList()).stream()
                .collect(Collectors.toMap(Place::getId, Function.identity()));
        // a place deleted between the two statements is left out
        return rows.stream()
                .filter(row -> places.containsKey((UUID) row[0]))
                .map(row -> new Hit(places.get((UUID) row[0]),
                        near.isPresent() ? ((Number) row[1]).doubleValue() : null))
                .toList();
    }

    private List<Place> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return entityManager.createQuery("SELECT p FROM Place p LEFT JOIN FETCH p.category WHERE p.id IN :ids",
                Place.class)
                .setParameter("ids", ids)
                .getResultList();
    }

    // EclipseLink binds native parameters by number: ?1, ?2, ... in order of appearance
    private static String numbered(CharSequence sql) {
        var numbered = new StringBuilder();
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            numbered.append(c);
            if (c == '?') {
                numbered.append(++n);
            }
        }
        return numbered.toString();
    }

    public Optional<Category> category(String code) {
        return entityManager.createQuery("SELECT c FROM Category c WHERE c.code = :code", Category.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst();
    }

    public Optional<Location> location(UUID id) {
        return Optional.ofNullable(entityManager.find(Location.class, id));
    }

    /** Whether the acting user holds a permission, asked of the database function the policies use. */
    public boolean actingUserHolds(String permission) {
        return Boolean.TRUE.equals(entityManager.createNativeQuery("SELECT meridian_acting_user_has_permission(?1)")
                .setParameter(1, permission)
                .getSingleResult());
    }

    public Place store(Place place) {
        return Stored.persist(entityManager, place);
    }

    /** Writes a changed place now, so a clash (a taken external reference) answers inside the use case. */
    public void flush() {
        Stored.flush(entityManager);
    }

    public void remove(Place place) {
        entityManager.remove(place);
        entityManager.flush();
    }

    /** Records a change for the notification fan-out, in the transaction of the change itself. */
    public void record(ChangeEvent event) {
        entityManager.persist(event);
    }
}

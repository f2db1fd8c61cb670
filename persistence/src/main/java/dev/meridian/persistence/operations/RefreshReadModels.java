package dev.meridian.persistence.operations;

import jakarta.persistence.EntityManager;

/**
 * Refreshes the read models (typeahead and map aggregates) through {@code meridian_refresh_read_models()},
 * concurrently once they are populated, so readers are never blocked. Rows affected: the read models that are
 * populated afterwards.
 */
final class RefreshReadModels implements Job {

    static final String NAME = "refresh-read-models";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long run(EntityManager entityManager) {
        // the function returns void: select from it so the query answers one ordinary row
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT meridian_refresh_read_models()) refreshed")
                .getSingleResult();
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM pg_matviews"
                + " WHERE schemaname = 'public' AND ispopulated"
                + " AND matviewname IN ('location_typeahead', 'place_typeahead', 'map_aggregate')")
                .getSingleResult()).longValue();
    }
}

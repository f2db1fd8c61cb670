package dev.meridian.persistence.tenancy;

import java.sql.SQLException;
import java.util.Map;

import dev.meridian.persistence.problems.Conflict;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/** Persists and flushes at once, so a unique constraint answers as a conflict inside the use case. */
public final class Stored {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final Map<String, String> MESSAGES = Map.of(
            "app_user_username_key", "username is already taken",
            "organization_slug_key", "slug is already taken",
            "plan_code_key", "code is already taken",
            "place_organization_id_external_ref_key", "externalRef is already used by another place",
            "review_user_id_place_id_key", "the place has just been reviewed by this user");

    private Stored() {
    }

    public static <T> T persist(EntityManager entityManager, T entity) {
        try {
            entityManager.persist(entity);
            entityManager.flush();
            return entity;
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    /** Writes the pending changes of managed entities now, with the same translation. */
    public static void flush(EntityManager entityManager) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return new Conflict(MESSAGES.entrySet().stream()
                        .filter(entry -> String.valueOf(sql.getMessage()).contains(entry.getKey()))
                        .map(Map.Entry::getValue)
                        .findFirst()
                        .orElse("conflicts with an existing record"));
            }
        }
        return e;
    }
}

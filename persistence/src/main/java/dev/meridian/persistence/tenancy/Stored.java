package dev.meridian.persistence.tenancy;

import java.sql.SQLException;
import java.util.Map;

import dev.meridian.persistence.problems.Conflict;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

/**
 * Persists, removes and flushes at once, so a unique constraint or a foreign key that still holds a row
 * answers as a conflict inside the use case, in words and never with SQL.
 */
public final class Stored {

    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";
    private static final Map<String, String> MESSAGES = Map.of(
            "app_user_username_key", "username is already taken",
            "organization_slug_key", "slug is already taken",
            "plan_code_key", "code is already taken",
            "place_organization_id_external_ref_key", "externalRef is already used by another place",
            "review_user_id_place_id_key", "the place has just been reviewed by this user");
    /** Why a row cannot go, by the foreign key without cascade that holds it: the rest of "<subject> ...". */
    private static final Map<String, String> STILL_NEEDED = Map.of(
            "support_ticket_organization_id_author_user_id_fkey", "has support tickets; deactivate instead",
            "ticket_message_organization_id_author_user_id_fkey", "has written on support tickets; deactivate instead",
            "ticket_message_support_user_id_fkey", "has answered support tickets; deactivate instead",
            "app_user_organization_id_fkey", "still has users",
            "place_organization_id_fkey", "still has places",
            "pending_user_organization_id_fkey", "still has pending invitations",
            "support_ticket_organization_id_fkey", "still has support tickets");

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

    /**
     * Removes the entity now (its entity listeners see it). Rows that the database cascades go with it; a row
     * that still needs it answers as a conflict that begins with {@code subject}, such as "user kim".
     */
    public static void remove(EntityManager entityManager, Object entity, String subject) {
        try {
            entityManager.remove(entity);
            entityManager.flush();
        } catch (PersistenceException e) {
            var held = violation(e, FOREIGN_KEY_VIOLATION);
            if (held != null) {
                throw new Conflict(subject + " " + reason(STILL_NEEDED, held,
                        "is still referenced by other records"));
            }
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

    /**
     * Whether the failure is a violation that the methods here answer as a conflict: a unique key taken or a row
     * still referenced. EclipseLink's log needs to know it (see {@code ExpectedViolationsLog}).
     */
    public static boolean isAnsweredViolation(Throwable failure) {
        return violation(failure, UNIQUE_VIOLATION) != null || violation(failure, FOREIGN_KEY_VIOLATION) != null;
    }

    private static RuntimeException translate(PersistenceException e) {
        var taken = violation(e, UNIQUE_VIOLATION);
        return taken == null ? e : new Conflict(reason(MESSAGES, taken, "conflicts with an existing record"));
    }

    /** The database's message of the violation with that SQLState among the causes, or null. */
    private static String violation(Throwable failure, String sqlState) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sqlState.equals(sql.getSQLState())) {
                return String.valueOf(sql.getMessage());
            }
        }
        return null;
    }

    /** The words for the constraint the database's message names (no name holds another). */
    private static String reason(Map<String, String> reasons, String message, String otherwise) {
        return reasons.entrySet().stream()
                .filter(entry -> message.contains(entry.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(otherwise);
    }
}

package dev.meridian.persistence.notifications;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.notifications.Notification;
import dev.meridian.domain.tenancy.User;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Notifications the acting context may see: in tenant scope, only the acting user's own. */
@Stateless
@RowLevelSecured
public class NotificationRepository {

    // the event and its location come with each notification: the queue shows them, and nothing may load
    // lazily after the transaction, where no row-level security context is set
    private static final String FETCH = "eclipselink.join-fetch";

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    public Optional<Notification> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Notification.class, id));
    }

    /** A user's queue, newest first; unread only if asked. */
    public List<Notification> queueOf(User user, boolean unreadOnly, int offset, int limit) {
        return entityManager.createQuery("SELECT n FROM Notification n WHERE n.user = :user"
                + (unreadOnly ? " AND n.readAt IS NULL" : "") + " ORDER BY n.createdAt DESC, n.id",
                Notification.class)
                .setParameter("user", user)
                .setHint(FETCH, "n.changeEvent.location")
                .setFirstResult(offset)
                .setMaxResults(limit)
                .getResultList();
    }
}

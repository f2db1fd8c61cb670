package dev.meridian.persistence.notifications;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.meridian.domain.notifications.Notification;
import dev.meridian.persistence.audit.CrossTenantProbe;
import dev.meridian.persistence.audit.TenantTable;
import dev.meridian.persistence.context.ActingContext;
import dev.meridian.persistence.tenancy.UserRepository;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** The caller's notification queue: listed newest first, and marked read one by one. */
@Stateless
public class NotificationService {

    @Inject
    NotificationRepository notifications;

    @Inject
    UserRepository users;

    @Inject
    ActingContext context;

    @Inject
    CrossTenantProbe probe;

    public List<Notification> mine(boolean unreadOnly, int offset, int limit) {
        return users.find(context.requireCaller().userId())
                .map(user -> notifications.queueOf(user, unreadOnly, offset, limit))
                .orElse(List.of());
    }

    /** Marks one of the caller's notifications read; another user's is not found. Reading twice is fine. */
    public void markRead(UUID id) {
        var caller = context.requireCaller().userId();
        notifications.find(id)
                .filter(found -> found.getUser().getId().equals(caller))
                .orElseThrow(() -> probe.notFound(TenantTable.NOTIFICATION, id))
                .read(Instant.now());
    }
}

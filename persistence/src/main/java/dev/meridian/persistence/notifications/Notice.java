package dev.meridian.persistence.notifications;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.notifications.Notification;

/**
 * What a channel delivers: one attempt at one notification, with what the receiver needs to know, read from
 * the entities once so the channels stay free of persistence.
 */
record Notice(UUID notificationId, int attempt, UUID organizationId, String organizationSlug, UUID userId,
        String username, String fullName, Optional<String> email, UUID eventId, String kind, String subjectType,
        UUID subjectId, UUID locationId, String locationName, String payloadJson, Instant occurredAt) {

    static Notice of(Notification notification) {
        var user = notification.getUser();
        var event = notification.getChangeEvent();
        var location = event.getLocation();
        return new Notice(notification.getId(), notification.getAttempts(), user.getOrganizationId(),
                user.getOrganization().getSlug(), user.getId(), user.getUsername(), user.getFullName(),
                user.getEmail(), event.getId(), event.getKind(), event.getSubjectType().code(), event.getSubjectId(),
                location.getId(), location.getName(), event.getPayload(), event.getCreatedAt());
    }
}

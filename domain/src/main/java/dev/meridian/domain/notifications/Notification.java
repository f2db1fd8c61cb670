package dev.meridian.domain.notifications;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import dev.meridian.domain.tenancy.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One user's notice of one change event, queued until delivered and then read; private to the user. A user is
 * notified of an event once. Delivery is retried with backoff while it is pending; reading it settles it, so
 * a notice read before delivery is not delivered any more.
 */
@Entity
@Table(name = "notification")
public class Notification extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "change_event_id", nullable = false, updatable = false)
    private ChangeEvent changeEvent;

    @Column(name = "status", nullable = false)
    private NotificationStatus status = NotificationStatus.PENDING;

    @Column(name = "read_at")
    private Instant readAt;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt = Instant.now();

    protected Notification() {
    }

    /** Notifies a follower of an event: of their own organization's, or about a shared location. */
    public Notification(User user, ChangeEvent changeEvent) {
        this.user = Objects.requireNonNull(user, "user");
        this.changeEvent = Objects.requireNonNull(changeEvent, "change event");
        this.organizationId = user.getOrganizationId();
        if (changeEvent.getOrganizationId().filter(tenant -> !tenant.equals(organizationId)).isPresent()) {
            throw new IllegalArgumentException("a user is notified only of their own organization's events");
        }
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public User getUser() {
        return user;
    }

    public ChangeEvent getChangeEvent() {
        return changeEvent;
    }

    public NotificationStatus getStatus() {
        return status;
    }

    public Optional<Instant> getReadAt() {
        return Optional.ofNullable(readAt);
    }

    /** Delivery attempts made so far. */
    public int getAttempts() {
        return attempts;
    }

    /** When the dispatcher next tries to deliver it, while it is pending. */
    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    /** A delivery attempt begins; answers its number, counted from 1. */
    public int attempt() {
        if (status != NotificationStatus.PENDING) {
            throw new IllegalStateException("only a pending notification is delivered, this one is " + status.code());
        }
        return ++attempts;
    }

    /** The last attempt left something to retry, no earlier than the given time. */
    public void retryAt(Instant at) {
        nextAttemptAt = Objects.requireNonNull(at, "at");
    }

    /** Delivered on every channel (or there was none but the queue itself). */
    public void sent() {
        if (status != NotificationStatus.READ) {
            status = NotificationStatus.SENT;
        }
    }

    /** Given up: a channel failed for good, or the attempts ran out. */
    public void failed() {
        if (status == NotificationStatus.PENDING) {
            status = NotificationStatus.FAILED;
        }
    }

    /** Read by its user; the first time counts. */
    public void read(Instant at) {
        if (status != NotificationStatus.READ) {
            status = NotificationStatus.READ;
            readAt = Objects.requireNonNull(at, "at");
        }
    }
}

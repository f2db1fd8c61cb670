package dev.meridian.domain.notifications;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * The delivery of one notification on one channel: how many attempts, and the last one's timing, provider id,
 * cost and error. Read by the organization's admins.
 */
@Entity
@Table(name = "notification_log")
public class NotificationLog extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "notification_id", nullable = false, updatable = false)
    private Notification notification;

    @Column(name = "channel", nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "status", nullable = false)
    private DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "started_at")
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "duration_ms")
    private Integer durationMs;

    @Column(name = "provider_id")
    private String providerId;

    @Column(name = "cost", nullable = false)
    private BigDecimal cost = BigDecimal.ZERO;

    @Column(name = "error")
    private String error;

    protected NotificationLog() {
    }

    public NotificationLog(Notification notification, Channel channel) {
        this.notification = Objects.requireNonNull(notification, "notification");
        this.organizationId = notification.getOrganizationId();
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** A new attempt begins; the previous one's outcome is forgotten. */
    public void attemptStarted(Instant at) {
        attempts++;
        startedAt = Objects.requireNonNull(at, "at");
        finishedAt = null;
        durationMs = null;
        error = null;
    }

    public void succeeded(Instant at, String providerId, BigDecimal cost) {
        finish(at);
        this.status = DeliveryStatus.SENT;
        this.providerId = providerId;
        this.cost = Objects.requireNonNull(cost, "cost");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost is never negative");
        }
        notification.sent();
    }

    public void failed(Instant at, String error) {
        finish(at);
        this.status = DeliveryStatus.FAILED;
        this.error = error;
    }

    private void finish(Instant at) {
        if (startedAt == null) {
            throw new IllegalStateException("no attempt was started");
        }
        finishedAt = Objects.requireNonNull(at, "at");
        if (finishedAt.isBefore(startedAt)) {
            throw new IllegalArgumentException("an attempt finishes after it starts");
        }
        durationMs = (int) Math.min(Integer.MAX_VALUE, Duration.between(startedAt, finishedAt).toMillis());
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public Notification getNotification() {
        return notification;
    }

    public Channel getChannel() {
        return channel;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Optional<Instant> getStartedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> getFinishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public Optional<Integer> getDurationMs() {
        return Optional.ofNullable(durationMs);
    }

    public Optional<String> getProviderId() {
        return Optional.ofNullable(providerId);
    }

    public BigDecimal getCost() {
        return cost;
    }

    public Optional<String> getError() {
        return Optional.ofNullable(error);
    }
}

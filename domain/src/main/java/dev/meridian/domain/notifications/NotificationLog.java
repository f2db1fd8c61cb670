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
 * One attempt to deliver a notification on one channel: its number, timing, outcome, provider id, cost and
 * error. Every attempt is a row of its own, so the retries of a delivery stay visible. Read by the
 * organization's admins.
 */
@Entity
@Table(name = "notification_log")
public class NotificationLog extends BaseEntity {

    /** Errors are kept to this many characters: enough to diagnose, never a whole response body. */
    public static final int MAX_ERROR = 1000;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "notification_id", nullable = false, updatable = false)
    private Notification notification;

    @Column(name = "channel", nullable = false, updatable = false)
    private Channel channel;

    @Column(name = "status", nullable = false)
    private DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(name = "attempt", nullable = false, updatable = false)
    private int attempt;

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

    /** The notification's current attempt begins on a channel. */
    public NotificationLog(Notification notification, Channel channel, Instant startedAt) {
        this.notification = Objects.requireNonNull(notification, "notification");
        this.organizationId = notification.getOrganizationId();
        this.channel = Objects.requireNonNull(channel, "channel");
        this.attempt = notification.getAttempts();
        if (attempt < 1) {
            throw new IllegalStateException("no attempt was started on the notification");
        }
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public void succeeded(Instant at, String providerId, BigDecimal cost) {
        Objects.requireNonNull(cost, "cost");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost is never negative");
        }
        finish(at);
        this.status = DeliveryStatus.SENT;
        this.providerId = providerId == null || providerId.length() <= 200 ? providerId : providerId.substring(0, 200);
        this.cost = cost;
    }

    public void failed(Instant at, String error) {
        finish(at);
        this.status = DeliveryStatus.FAILED;
        this.error = error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }

    private void finish(Instant at) {
        if (status != DeliveryStatus.PENDING) {
            throw new IllegalStateException("the attempt is over already");
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

    /** The notification's attempt this row records, counted from 1. */
    public int getAttempt() {
        return attempt;
    }

    public Instant getStartedAt() {
        return startedAt;
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

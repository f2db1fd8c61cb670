package dev.meridian.domain.usage;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * An organization's day, computed across tenants by the nightly rollup in platform scope and read by the
 * organization's admins as charts. A tenant cannot write its own metrics (row-level security).
 */
@Entity
@Table(name = "daily_metrics")
public class DailyMetrics extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(name = "day", nullable = false, updatable = false)
    private LocalDate day;

    @Column(name = "requests", nullable = false)
    private long requests;

    @Column(name = "errors", nullable = false)
    private long errors;

    @Column(name = "new_users", nullable = false)
    private int newUsers;

    @Column(name = "active_users", nullable = false)
    private int activeUsers;

    @Column(name = "reviews", nullable = false)
    private int reviews;

    @Column(name = "notifications", nullable = false)
    private int notifications;

    @Column(name = "cost", nullable = false)
    private BigDecimal cost = BigDecimal.ZERO;

    protected DailyMetrics() {
    }

    public DailyMetrics(UUID organizationId, LocalDate day, DailyFigures figures) {
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.day = Objects.requireNonNull(day, "day");
        recount(figures);
    }

    /** A later rollup of the same day replaces the figures. */
    public void recount(DailyFigures figures) {
        Objects.requireNonNull(figures, "figures");
        requests = figures.requests();
        errors = figures.errors();
        newUsers = figures.newUsers();
        activeUsers = figures.activeUsers();
        reviews = figures.reviews();
        notifications = figures.notifications();
        cost = figures.cost();
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public LocalDate getDay() {
        return day;
    }

    public DailyFigures getFigures() {
        return new DailyFigures(requests, errors, newUsers, activeUsers, reviews, notifications, cost);
    }
}

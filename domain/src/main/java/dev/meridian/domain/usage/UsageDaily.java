package dev.meridian.domain.usage;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One API key's usage on one day, rolled up from the usage log by the nightly job; requests made without a
 * key (signed in with a password) roll up under no key. What the monthly statement bills. No foreign keys:
 * the history outlives the key.
 */
@Entity
@Table(name = "usage_daily")
public class UsageDaily extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @Column(name = "api_key_id", updatable = false)
    private UUID apiKeyId;

    @Column(name = "day", nullable = false, updatable = false)
    private LocalDate day;

    @Column(name = "calls", nullable = false)
    private long calls;

    @Column(name = "errors", nullable = false)
    private long errors;

    @Column(name = "avg_duration_ms", nullable = false)
    private double avgDurationMs;

    @Column(name = "p95_duration_ms", nullable = false)
    private int p95DurationMs;

    @Column(name = "request_bytes", nullable = false)
    private long requestBytes;

    @Column(name = "response_bytes", nullable = false)
    private long responseBytes;

    protected UsageDaily() {
    }

    /**
     * @param apiKeyId
     *            null for requests made without a key
     */
    public UsageDaily(UUID organizationId, UUID apiKeyId, LocalDate day, UsageFigures figures) {
        this.organizationId = Objects.requireNonNull(organizationId, "organizationId");
        this.apiKeyId = apiKeyId;
        this.day = Objects.requireNonNull(day, "day");
        recount(figures);
    }

    /** A later rollup of the same day replaces the figures (late requests, a re-run). */
    public void recount(UsageFigures figures) {
        Objects.requireNonNull(figures, "figures");
        calls = figures.calls();
        errors = figures.errors();
        avgDurationMs = figures.avgDurationMs();
        p95DurationMs = figures.p95DurationMs();
        requestBytes = figures.requestBytes();
        responseBytes = figures.responseBytes();
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public Optional<UUID> getApiKeyId() {
        return Optional.ofNullable(apiKeyId);
    }

    public LocalDate getDay() {
        return day;
    }

    public UsageFigures getFigures() {
        return new UsageFigures(calls, errors, avgDurationMs, p95DurationMs, requestBytes, responseBytes);
    }
}

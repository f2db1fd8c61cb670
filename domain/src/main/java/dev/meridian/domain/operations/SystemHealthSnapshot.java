package dev.meridian.domain.operations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.meridian.domain.common.IdentifiedEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * The platform's health at one moment, taken every minute by a scheduled job: CPU load, heap, free disk, pool
 * and database connections, notification queue depth, recent response-time percentiles and the overall
 * status. Platform-level data: read and written in platform scope only. Appended, never changed.
 */
@Entity
@Table(name = "system_health_snapshot")
public class SystemHealthSnapshot extends IdentifiedEntity {

    @Column(name = "taken_at", nullable = false, updatable = false)
    private Instant takenAt;

    @Column(name = "cpu_load", updatable = false)
    private Double cpuLoad;

    @Column(name = "heap_used_bytes", nullable = false, updatable = false)
    private long heapUsedBytes;

    @Column(name = "heap_max_bytes", nullable = false, updatable = false)
    private long heapMaxBytes;

    @Column(name = "disk_free_bytes", nullable = false, updatable = false)
    private long diskFreeBytes;

    @Column(name = "pool_in_use", nullable = false, updatable = false)
    private int poolInUse;

    @Column(name = "db_connections", nullable = false, updatable = false)
    private int dbConnections;

    @Column(name = "notification_queue_depth", nullable = false, updatable = false)
    private long notificationQueueDepth;

    @Column(name = "p50_ms", updatable = false)
    private Double p50Ms;

    @Column(name = "p95_ms", updatable = false)
    private Double p95Ms;

    @Column(name = "p99_ms", updatable = false)
    private Double p99Ms;

    @Column(name = "status", nullable = false, updatable = false)
    private HealthStatus status;

    protected SystemHealthSnapshot() {
    }

    /**
     * @param cpuLoad
     *            the system load average, or null where the platform reports none
     * @param responseTimes
     *            null when there were no recent requests
     */
    public SystemHealthSnapshot(Instant takenAt, HealthStatus status, Double cpuLoad, long heapUsedBytes,
            long heapMaxBytes, long diskFreeBytes, int poolInUse, int dbConnections, long notificationQueueDepth,
            ResponseTimes responseTimes) {
        this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
        this.status = Objects.requireNonNull(status, "status");
        if (cpuLoad != null && !(cpuLoad >= 0)) {
            throw new IllegalArgumentException("cpuLoad must be >= 0");
        }
        if (heapUsedBytes < 0 || heapMaxBytes < 0 || diskFreeBytes < 0 || poolInUse < 0 || dbConnections < 0
                || notificationQueueDepth < 0) {
            throw new IllegalArgumentException("sizes and counts must be >= 0");
        }
        this.cpuLoad = cpuLoad;
        this.heapUsedBytes = heapUsedBytes;
        this.heapMaxBytes = heapMaxBytes;
        this.diskFreeBytes = diskFreeBytes;
        this.poolInUse = poolInUse;
        this.dbConnections = dbConnections;
        this.notificationQueueDepth = notificationQueueDepth;
        if (responseTimes != null) {
            this.p50Ms = responseTimes.p50Ms();
            this.p95Ms = responseTimes.p95Ms();
            this.p99Ms = responseTimes.p99Ms();
        }
    }

    public Instant getTakenAt() {
        return takenAt;
    }

    public HealthStatus getStatus() {
        return status;
    }

    public OptionalDouble getCpuLoad() {
        return cpuLoad == null ? OptionalDouble.empty() : OptionalDouble.of(cpuLoad);
    }

    public long getHeapUsedBytes() {
        return heapUsedBytes;
    }

    public long getHeapMaxBytes() {
        return heapMaxBytes;
    }

    public long getDiskFreeBytes() {
        return diskFreeBytes;
    }

    public int getPoolInUse() {
        return poolInUse;
    }

    public int getDbConnections() {
        return dbConnections;
    }

    public long getNotificationQueueDepth() {
        return notificationQueueDepth;
    }

    public Optional<ResponseTimes> getResponseTimes() {
        return p50Ms == null ? Optional.empty() : Optional.of(new ResponseTimes(p50Ms, p95Ms, p99Ms));
    }
}

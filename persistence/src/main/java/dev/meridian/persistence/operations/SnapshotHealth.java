package dev.meridian.persistence.operations;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.meridian.domain.operations.HealthStatus;
import dev.meridian.domain.operations.ResponseTimes;
import dev.meridian.domain.operations.SystemHealthSnapshot;
import dev.meridian.migrations.backup.BackupSettings;
import jakarta.persistence.EntityManager;

/**
 * Takes one {@code system_health_snapshot} of the instance that runs it and of the database:
 * <ul>
 * <li>CPU: the system load average (none where the platform reports none); heap used and max;</li>
 * <li>disk: the free space of the fuller of {@code java.io.tmpdir} and the backup directory, when set;</li>
 * <li>pool in use: the application role's connections to this database that are not idle, across all
 * instances ({@code pg_stat_activity}; Payara exposes its pool statistics only with monitoring on); database
 * connections: every connection to this database;</li>
 * <li>the notification queue's depth (pending notifications);</li>
 * <li>response-time percentiles of the API requests of the last {@value #RECENT_MINUTES} minutes, from the
 * usage log (none without requests);</li>
 * <li>the status, from those figures ({@link HealthThresholds}).</li>
 * </ul>
 */
final class SnapshotHealth implements Job {

    static final String NAME = "snapshot-health";
    static final int RECENT_MINUTES = 5;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long run(EntityManager entityManager) {
        // so that the time index leads the read below to the last minutes' blocks only, however far into the month
        entityManager.createNativeQuery("SELECT meridian_summarize_usage_log_time_index()").getSingleResult();
        var database = (Object[]) entityManager.createNativeQuery("""
                SELECT (SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND usename = current_user AND state <> 'idle'),
                       (SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()),
                       (SELECT count(*) FROM notification WHERE status = 'pending'),
                       p[1], p[2], p[3]
                FROM (SELECT percentile_cont(ARRAY[0.50, 0.95, 0.99]) WITHIN GROUP (ORDER BY duration_ms) AS p
                      FROM usage_log WHERE occurred_at >= now() - make_interval(mins => ?1)) AS recent""")
                .setParameter(1, RECENT_MINUTES)
                .getSingleResult();
        var responseTimes = database[3] == null
                ? null
                : new ResponseTimes(number(database[3]), number(database[4]), number(database[5]));
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        var load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        // an unset maximum (-1) is reported as the committed heap, the most it has now
        var heapMax = heap.getMax() < 0 ? heap.getCommitted() : heap.getMax();
        var diskFree = diskFree();
        var status = HealthThresholds.status(heap.getUsed(), heapMax, diskFree, responseTimes);
        entityManager.persist(new SystemHealthSnapshot(Instant.now(), status, load < 0 ? null : load, heap.getUsed(),
                heapMax, diskFree, (int) number(database[0]), (int) number(database[1]), (long) number(database[2]),
                responseTimes));
        return 1;
    }

    private static long diskFree() {
        var backups = ConfigProvider.getConfig(SnapshotHealth.class.getClassLoader())
                .getOptionalValue(BackupSettings.DIRECTORY, String.class);
        return Stream.concat(Stream.of(System.getProperty("java.io.tmpdir")), backups.stream())
                .map(File::new)
                // a backup directory not created yet is on the disk of its nearest existing parent
                .map(file -> {
                    var existing = file.getAbsoluteFile();
                    while (existing != null && !existing.exists()) {
                        existing = existing.getParentFile();
                    }
                    return existing == null ? 0L : existing.getUsableSpace();
                })
                .min(Long::compare)
                .orElse(0L);
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    /** When a snapshot says the platform is degraded or down. */
    static final class HealthThresholds {

        static final double HEAP_DEGRADED = 0.90;
        static final double HEAP_DOWN = 0.98;
        static final long DISK_DEGRADED_BYTES = 1L << 30;
        static final long DISK_DOWN_BYTES = 100L << 20;
        static final double P95_DEGRADED_MS = 2000;

        private HealthThresholds() {
        }

        /**
         * DOWN when the heap is all but full or the disk has under 100 MiB free; DEGRADED when the heap is 90 % used,
         * under 1 GiB of disk is free or recent requests' 95th percentile exceeds 2 s; UP otherwise. (An instance
         * whose database is gone takes no snapshot at all: readiness reports that.)
         */
        static HealthStatus status(long heapUsed, long heapMax, long diskFree, ResponseTimes responseTimes) {
            var heapShare = heapMax <= 0 ? 0 : (double) heapUsed / heapMax;
            if (heapShare >= HEAP_DOWN || diskFree < DISK_DOWN_BYTES) {
                return HealthStatus.DOWN;
            }
            if (heapShare >= HEAP_DEGRADED || diskFree < DISK_DEGRADED_BYTES
                    || responseTimes != null && responseTimes.p95Ms() > P95_DEGRADED_MS) {
                return HealthStatus.DEGRADED;
            }
            return HealthStatus.UP;
        }
    }
}

package dev.meridian.persistence.dashboard;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What the portal's dashboard shows, as one caller may see it: today's activity and the daily metrics of the
 * last days, summed over the tenants in reach; the database and the latest health snapshot only for platform
 * admins (they describe the platform, not a tenant), null for others and before the first snapshot.
 */
public record Dashboard(Today today, List<Day> days, DatabaseStatus database, LatestHealth health)
        implements
            Serializable {

    public Dashboard {
        days = List.copyOf(days);
    }

    /**
     * Activity so far: API requests and errors (responses of status 400 or above) since {@code since}, the start
     * of the UTC day, as the nightly rollup counts them; users who signed in or called the API in the 24 hours
     * before {@code at}; notifications waiting for delivery.
     */
    public record Today(Instant since, Instant at, long requests, long errors, long activeUsers, long queueDepth)
            implements
                Serializable {
    }

    /** One UTC day of the rolled-up daily metrics; zeros for a day without any. */
    public record Day(LocalDate day, long requests, long errors, long activeUsers, long newUsers, long reviews,
            long notifications) implements Serializable {
    }

    /**
     * The database as the application sees it: the schema version applied, the size, and the connections open to
     * it (all roles, all instances) against the server's limit.
     */
    public record DatabaseStatus(String schemaVersion, long sizeBytes, String size, long connections,
            long maxConnections) implements Serializable {
    }

    /** The newest system health snapshot (written every minute by the {@code snapshot-health} job). */
    public record LatestHealth(Instant takenAt, String status, Double cpuLoad, long heapUsedBytes,
            long heapMaxBytes, long diskFreeBytes, int poolInUse, int dbConnections, long queueDepth, Double p95Ms)
            implements
                Serializable {

        /** Heap in use as a share of the maximum, in percent. */
        public long getHeapPercent() {
            return heapMaxBytes <= 0 ? 0 : Math.round(100.0 * heapUsedBytes / heapMaxBytes);
        }

        /** The system load average to two decimals, or a dash where the platform reports none. */
        public String getLoad() {
            return cpuLoad == null ? "–" : String.format(Locale.ROOT, "%.2f", cpuLoad);
        }

        /** The recent requests' 95th percentile in whole milliseconds, or a dash when there were none. */
        public String getP95() {
            return p95Ms == null ? "–" : String.valueOf(Math.round(p95Ms));
        }
    }
}

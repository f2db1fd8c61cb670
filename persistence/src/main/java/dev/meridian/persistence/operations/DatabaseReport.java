package dev.meridian.persistence.operations;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * PostgreSQL's own view of the Meridian database at one moment, for the portal's database page: sizes, index
 * usage, cache hits, sessions and who blocks whom. Read from the statistics views as the application role
 * (see {@link DatabaseStatistics} for what that role can and cannot see).
 */
public record DatabaseReport(String database, long sizeBytes, String size, Double cacheHitRatio, long commits,
        long rollbacks, long deadlocks, List<TableSize> tables, List<IndexUsage> indexes, List<Session> sessions,
        List<BlockedSession> blocked) implements Serializable {

    public DatabaseReport {
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        sessions = List.copyOf(sessions);
        blocked = List.copyOf(blocked);
    }

    /** A table or materialized view with its total size (indexes and TOAST included) and estimated rows. */
    public record TableSize(String name, String kind, long totalBytes, String total, String heap,
            long estimatedRows) implements Serializable {
    }

    /**
     * An index and how often it was scanned since statistics were last reset. Unused: never scanned and not
     * enforcing a constraint (unique and primary-key indexes earn their keep without scans).
     */
    public record IndexUsage(String table, String index, long scans, long sizeBytes, String size,
            boolean enforcesConstraint) implements Serializable {

        public boolean isUnused() {
            return scans == 0 && !enforcesConstraint;
        }
    }

    /**
     * A client session on this database. The query is cut to {@value DatabaseStatistics#QUERY_TEXT_LIMIT}
     * characters; for another role's session PostgreSQL shows {@code <insufficient privilege>} and no state.
     */
    public record Session(int pid, String user, String application, String state, Instant queryStart,
            Long runningSeconds, String waitEvent, String query, String blockedBy) implements Serializable {

        /** Active for longer than {@value DatabaseStatistics#LONG_RUNNING_SECONDS} seconds. */
        public boolean isLongRunning() {
            return "active".equals(state) && runningSeconds != null
                    && runningSeconds > DatabaseStatistics.LONG_RUNNING_SECONDS;
        }
    }

    /** A session waiting for a lock, and one session holding it. */
    public record BlockedSession(int blockedPid, String blockedQuery, Long waitingSeconds, int blockingPid,
            String blockingUser, String blockingQuery) implements Serializable {
    }

    /** A read model (materialized view): whether it holds data, and its size. */
    public record ReadModel(String name, boolean populated, String size) implements Serializable {
    }
}

package dev.meridian.persistence.diagnostics;

/**
 * How many SQL statements the persistence layer has sent on the current thread since the last
 * {@link #reset()}, EclipseLink's and the row-level security context's: a request runs on one thread, so this
 * is what it cost the database in round trips of its own (the pool's connection checks aside). The API
 * reports it in {@code Server-Timing}, and tests assert that no route grows a query per row.
 */
public final class StatementCount {

    private static final ThreadLocal<int[]> SENT = ThreadLocal.withInitial(() -> new int[1]);

    private StatementCount() {
    }

    public static void reset() {
        SENT.get()[0] = 0;
    }

    public static int sent() {
        return SENT.get()[0];
    }

    /** Counts one more statement: EclipseLink's own are counted by {@link CountStatements}. */
    public static void oneMore() {
        SENT.get()[0]++;
    }
}

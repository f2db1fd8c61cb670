package dev.meridian.persistence.paging;

import jakarta.persistence.EntityManager;

/**
 * How many rows a list has, without {@code count(*)} over a large table: an exact count up to {@link #CAP}
 * rows, and past it the planner's estimate ({@code pg_class.reltuples}, summed over partitions) when the list
 * is a whole table, else the cap itself. A paginator needs an order of magnitude, not the last row.
 */
public final class Counting {

    /** Counted exactly up to here. */
    public static final int CAP = 10_000;

    private Counting() {
    }

    /**
     * Counts the rows of {@code from} (a FROM clause, with joins) matching the conditions, up to {@link #CAP}.
     * When the cap is reached and no condition is set, answers the estimate for {@code table}: only for callers
     * who see the whole table (platform scope), as the estimate knows nothing of row-level security.
     */
    public static long count(EntityManager entityManager, String from, Conditions conditions, String table,
            boolean wholeTableVisible) {
        long capped = ((Number) conditions.bind(entityManager.createNativeQuery(
                "SELECT count(*) FROM (SELECT 1 FROM " + from + conditions.where() + " LIMIT " + (CAP + 1)
                        + ") capped"))
                .getSingleResult()).longValue();
        if (capped <= CAP || !conditions.isEmpty() || !wholeTableVisible) {
            return capped;
        }
        return Math.max(capped, estimate(entityManager, table));
    }

    /** The planner's row estimate of a table, its leaf partitions summed for a partitioned one. */
    static long estimate(EntityManager entityManager, String table) {
        return ((Number) entityManager.createNativeQuery("""
                SELECT coalesce(sum(greatest(c.reltuples, 0)), 0)::bigint FROM pg_class c
                WHERE c.oid = to_regclass(?1)
                   OR c.oid IN (SELECT relid FROM pg_partition_tree(to_regclass(?1)) WHERE isleaf)""")
                .setParameter(1, table)
                .getSingleResult()).longValue();
    }
}

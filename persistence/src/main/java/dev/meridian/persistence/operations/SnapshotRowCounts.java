package dev.meridian.persistence.operations;

import jakarta.persistence.EntityManager;

/**
 * Takes one {@code row_count_snapshot} per table of the public schema (a partitioned table counts as one,
 * summing its partitions), all at the same moment. Counts are the planner's estimates, not {@code count(*)}:
 * exact counts would scan every table daily and, run by the application role, would count only what row-level
 * security lets it see. The estimate is {@code pg_class.reltuples} where ANALYZE or VACUUM has set it, and
 * the statistics' live-tuple count before that (a table never analyzed has {@code reltuples = -1}).
 */
final class SnapshotRowCounts implements Job {

    static final String NAME = "snapshot-row-counts";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long run(EntityManager entityManager) {
        // a plain table counts itself, a partitioned one its leaf partitions (pg_partition_tree answers no rows
        // for a plain table)
        return entityManager.createNativeQuery("""
                INSERT INTO row_count_snapshot (id, table_name, row_count, taken_at)
                SELECT gen_random_uuid(), t.relname,
                       (SELECT coalesce(sum(CASE WHEN leaf.reltuples >= 0 THEN leaf.reltuples
                                                 ELSE coalesce(stats.n_live_tup, 0) END), 0)::bigint
                        FROM pg_class leaf
                        LEFT JOIN pg_stat_user_tables stats ON stats.relid = leaf.oid
                        WHERE (t.relkind = 'r' AND leaf.oid = t.oid)
                           OR leaf.oid IN (SELECT tree.relid FROM pg_partition_tree(t.oid) tree WHERE tree.isleaf)),
                       now()
                FROM pg_class t
                JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition""")
                .executeUpdate();
    }
}

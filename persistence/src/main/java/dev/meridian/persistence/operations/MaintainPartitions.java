package dev.meridian.persistence.operations;

import jakarta.persistence.EntityManager;

/**
 * Keeps monthly partitions ahead of time for the usage log and the change log: this month (UTC) and the next
 * two, as the migrations first created them. Idempotent; rows affected are the partitions it created, so
 * usually none. Dropping partitions past retention is not done here yet.
 */
final class MaintainPartitions implements Job {

    static final String NAME = "maintain-partitions";
    static final int MONTHS_AHEAD = 3;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public long run(EntityManager entityManager) {
        return ((Number) entityManager.createNativeQuery("""
                SELECT meridian_ensure_usage_partitions((now() AT TIME ZONE 'UTC')::date, ?1)
                     + meridian_ensure_change_log_partitions((now() AT TIME ZONE 'UTC')::date, ?1)""")
                .setParameter(1, MONTHS_AHEAD)
                .getSingleResult()).longValue();
    }
}

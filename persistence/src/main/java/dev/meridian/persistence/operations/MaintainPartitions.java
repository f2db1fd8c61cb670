package dev.meridian.persistence.operations;

import org.eclipse.microprofile.config.ConfigProvider;

import jakarta.persistence.EntityManager;

/**
 * Keeps monthly partitions ahead of time for the usage log and the change log: this month (UTC) and the next
 * two, as the migrations first created them; and drops the months past retention, whole partitions at a time:
 * usage older than {@code MERIDIAN_USAGE_RETENTION_MONTHS} (default 12) and audit older than
 * {@code MERIDIAN_AUDIT_RETENTION_MONTHS} (default 6) whole months before this one. Both through the owner's
 * functions (the application role owns no partition). Idempotent; rows affected are the partitions it created
 * and dropped, so usually none.
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
        var config = ConfigProvider.getConfig(MaintainPartitions.class.getClassLoader());
        return ((Number) entityManager.createNativeQuery("""
                SELECT meridian_ensure_usage_partitions((now() AT TIME ZONE 'UTC')::date, ?1)
                     + meridian_ensure_change_log_partitions((now() AT TIME ZONE 'UTC')::date, ?1)
                     + meridian_drop_expired_usage_partitions(?2)
                     + meridian_drop_expired_change_log_partitions(?3)""")
                .setParameter(1, MONTHS_AHEAD)
                .setParameter(2, config.getOptionalValue("MERIDIAN_USAGE_RETENTION_MONTHS", Integer.class).orElse(12))
                .setParameter(3, config.getOptionalValue("MERIDIAN_AUDIT_RETENTION_MONTHS", Integer.class).orElse(6))
                .getSingleResult()).longValue();
    }
}

package dev.meridian.persistence.usage;

import java.time.Duration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How metering and quotas run, from MicroProfile Config (environment variables).
 *
 * @param enabled
 *            {@code MERIDIAN_METERING_ENABLED}: whether requests are logged at all (off only to measure what
 *            metering costs)
 * @param flushInterval
 *            {@code MERIDIAN_METERING_FLUSH_MILLIS}: the longest a request waits in memory before it is
 *            written
 * @param batchSize
 *            {@code MERIDIAN_METERING_BATCH_SIZE}: rows per insert; this many waiting start a write at once
 * @param queueCapacity
 *            {@code MERIDIAN_METERING_QUEUE_CAPACITY}: requests held in memory at most; beyond it they are
 *            dropped (and counted in the log) rather than slow the API down
 * @param quotaRefresh
 *            {@code MERIDIAN_QUOTA_REFRESH_SECONDS}: how often an organization's plan and month's usage are
 *            re-read from the database
 */
record MeteringSettings(boolean enabled, Duration flushInterval, int batchSize, int queueCapacity,
        Duration quotaRefresh) {

    MeteringSettings {
        if (flushInterval.isNegative() || flushInterval.isZero() || batchSize < 1 || queueCapacity < batchSize
                || quotaRefresh.isNegative() || quotaRefresh.isZero()) {
            throw new IllegalArgumentException("metering: flush interval and quota refresh > 0, batch size >= 1,"
                    + " queue capacity >= batch size: " + flushInterval + ", " + quotaRefresh + ", " + batchSize
                    + ", " + queueCapacity);
        }
    }

    static MeteringSettings fromConfig() {
        Config config = ConfigProvider.getConfig(MeteringSettings.class.getClassLoader());
        return new MeteringSettings(
                config.getOptionalValue("MERIDIAN_METERING_ENABLED", Boolean.class).orElse(true),
                Duration.ofMillis(config.getOptionalValue("MERIDIAN_METERING_FLUSH_MILLIS", Long.class).orElse(1000L)),
                config.getOptionalValue("MERIDIAN_METERING_BATCH_SIZE", Integer.class).orElse(500),
                config.getOptionalValue("MERIDIAN_METERING_QUEUE_CAPACITY", Integer.class).orElse(50_000),
                Duration.ofSeconds(
                        config.getOptionalValue("MERIDIAN_QUOTA_REFRESH_SECONDS", Long.class).orElse(60L)));
    }
}

package dev.meridian.persistence.settings;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

/** How long an in-memory cache keeps an entry, from its setting in whole seconds; 0 means no cache. */
public final class CacheLifetime {

    private CacheLifetime() {
    }

    /** The setting's value, or {@code fallbackSeconds}; a negative value fails the application's start. */
    public static Duration of(String setting, long fallbackSeconds) {
        long seconds = ConfigProvider.getConfig(CacheLifetime.class.getClassLoader())
                .getOptionalValue(setting, Long.class).orElse(fallbackSeconds);
        if (seconds < 0) {
            throw new IllegalArgumentException(setting + " must be >= 0: " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}

package dev.meridian.persistence.notifications;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How notifications are dispatched, from MicroProfile Config (environment variables); README lists every
 * setting with its default. No {@code MERIDIAN_SMTP_HOST} means no SMTP server: the e-mail channel is off.
 */
record NotificationSettings(int batchSize, int maxAttempts, Duration backoff, Duration maxBackoff,
        Duration webhookConnectTimeout, Duration webhookTimeout, boolean webhookPrivateAddresses,
        Optional<Smtp> smtp) {

    /** The SMTP server e-mail goes through. */
    record Smtp(String host, int port, Optional<String> user, Optional<String> password, String from,
            boolean startTls, Duration timeout) {
    }

    NotificationSettings {
        if (batchSize < 1 || maxAttempts < 1 || backoff.isNegative() || maxBackoff.compareTo(backoff) < 0) {
            throw new IllegalArgumentException("notification settings: batch size and attempts are at least 1,"
                    + " and the maximum backoff is at least the first");
        }
    }

    static NotificationSettings fromConfig() {
        var config = ConfigProvider.getConfig(NotificationSettings.class.getClassLoader());
        return from(name -> config.getOptionalValue(name, String.class));
    }

    /** Reads the settings through a lookup by name; absent or blank means the default. */
    static NotificationSettings from(Function<String, Optional<String>> lookup) {
        Function<String, Optional<String>> setting = name -> lookup.apply(name).map(String::strip)
                .filter(value -> !value.isEmpty());
        var smtp = setting.apply("MERIDIAN_SMTP_HOST").map(host -> new Smtp(host,
                number(setting, "MERIDIAN_SMTP_PORT", 587),
                setting.apply("MERIDIAN_SMTP_USER"),
                setting.apply("MERIDIAN_SMTP_PASSWORD"),
                setting.apply("MERIDIAN_SMTP_FROM").orElse("meridian@localhost"),
                Boolean.parseBoolean(setting.apply("MERIDIAN_SMTP_STARTTLS").orElse("true")),
                Duration.ofSeconds(number(setting, "MERIDIAN_SMTP_TIMEOUT_SECONDS", 10))));
        return new NotificationSettings(
                number(setting, "MERIDIAN_NOTIFICATIONS_BATCH_SIZE", 100),
                number(setting, "MERIDIAN_NOTIFICATIONS_MAX_ATTEMPTS", 5),
                Duration.ofSeconds(number(setting, "MERIDIAN_NOTIFICATIONS_BACKOFF_SECONDS", 60)),
                Duration.ofSeconds(number(setting, "MERIDIAN_NOTIFICATIONS_MAX_BACKOFF_SECONDS", 3600)),
                Duration.ofSeconds(number(setting, "MERIDIAN_WEBHOOK_CONNECT_TIMEOUT_SECONDS", 5)),
                Duration.ofSeconds(number(setting, "MERIDIAN_WEBHOOK_TIMEOUT_SECONDS", 10)),
                Boolean.parseBoolean(setting.apply("MERIDIAN_WEBHOOK_PRIVATE_ADDRESSES").orElse("false")),
                smtp);
    }

    private static int number(Function<String, Optional<String>> setting, String name, int fallback) {
        var value = setting.apply(name);
        try {
            return value.map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number; it is '" + value.get() + "'");
        }
    }

    /**
     * How long to wait after the given number of failed attempts: the first backoff, doubled for each further
     * attempt, never more than the maximum.
     */
    Duration backoffAfter(int attempts) {
        var doublings = Math.min(Math.max(attempts - 1, 0), 30);
        var delay = backoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}

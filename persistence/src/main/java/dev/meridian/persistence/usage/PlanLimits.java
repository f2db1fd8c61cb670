package dev.meridian.persistence.usage;

/** What a plan allows: API requests per minute and per UTC month. */
public record PlanLimits(int perMinute, long perMonth) {
}

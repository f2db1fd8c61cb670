package dev.meridian.domain.usage;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An organization's day in numbers: API requests and errors, users who joined and who were active, reviews
 * written, notifications sent and what their delivery cost.
 */
public record DailyFigures(long requests, long errors, int newUsers, int activeUsers, int reviews,
        int notifications, BigDecimal cost) {

    public DailyFigures {
        if (requests < 0 || errors < 0 || errors > requests) {
            throw new IllegalArgumentException("requests must be >= 0 and errors between 0 and requests");
        }
        if (newUsers < 0 || activeUsers < 0 || reviews < 0 || notifications < 0) {
            throw new IllegalArgumentException("counts must be >= 0");
        }
        Objects.requireNonNull(cost, "cost");
        if (cost.signum() < 0) {
            throw new IllegalArgumentException("cost must be >= 0");
        }
    }
}

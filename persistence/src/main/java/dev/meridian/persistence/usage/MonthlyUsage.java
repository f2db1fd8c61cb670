package dev.meridian.persistence.usage;

import java.time.YearMonth;
import java.util.List;

/**
 * An organization's API calls of one UTC month against its plan: calls so far (as written to the usage log,
 * so up to one flush interval behind), the monthly quota, what remains of it, the per-minute limit, and calls
 * per day.
 */
public record MonthlyUsage(YearMonth month, long calls, long quota, long remaining, int requestsPerMinute,
        List<UsageRepository.DayCalls> days) {

    public MonthlyUsage {
        days = List.copyOf(days);
    }

    static MonthlyUsage of(YearMonth month, PlanLimits limits, List<UsageRepository.DayCalls> days) {
        long calls = days.stream().mapToLong(UsageRepository.DayCalls::calls).sum();
        return new MonthlyUsage(month, calls, limits.perMonth(), Math.max(0, limits.perMonth() - calls),
                limits.perMinute(), days);
    }
}

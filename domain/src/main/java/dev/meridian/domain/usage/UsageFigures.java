package dev.meridian.domain.usage;

/**
 * What a set of API requests added up to: calls, errors among them, mean and 95th-percentile duration, and
 * bytes in and out.
 */
public record UsageFigures(long calls, long errors, double avgDurationMs, int p95DurationMs, long requestBytes,
        long responseBytes) {

    public UsageFigures {
        if (calls < 0 || errors < 0 || errors > calls) {
            throw new IllegalArgumentException("calls must be >= 0 and errors between 0 and calls");
        }
        if (avgDurationMs < 0 || Double.isNaN(avgDurationMs) || p95DurationMs < 0) {
            throw new IllegalArgumentException("durations must be >= 0");
        }
        if (requestBytes < 0 || responseBytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0");
        }
    }

    /** The share of calls that failed, 0 when there were none. */
    public double errorRate() {
        return calls == 0 ? 0 : (double) errors / calls;
    }
}

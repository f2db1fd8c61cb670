package dev.meridian.domain.operations;

/** Recent response-time percentiles, in milliseconds. */
public record ResponseTimes(double p50Ms, double p95Ms, double p99Ms) {

    public ResponseTimes {
        if (!(p50Ms >= 0 && p95Ms >= p50Ms && p99Ms >= p95Ms)) {
            throw new IllegalArgumentException("percentiles must be >= 0 and p50 <= p95 <= p99");
        }
    }
}

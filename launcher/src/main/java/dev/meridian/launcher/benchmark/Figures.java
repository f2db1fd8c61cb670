package dev.meridian.launcher.benchmark;

import java.util.Arrays;

/**
 * What one measured run achieved: requests (or transactions) per second and latency percentiles in
 * milliseconds, how many requests failed and, where measured, the CPU milliseconds each request cost the
 * server and the load generator (NaN otherwise).
 */
record Figures(double perSecond, double p50, double p95, double p99, long count, long failures,
        double serverCpuPerRequest, double generatorCpuPerRequest) {

    /** Figures from the latencies (nanoseconds) completed within a window of the given length. */
    static Figures of(long[] latenciesNanos, double windowSeconds, long failures) {
        var sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new Figures(sorted.length / windowSeconds, millis(sorted, 0.50), millis(sorted, 0.95),
                millis(sorted, 0.99), sorted.length, failures, Double.NaN, Double.NaN);
    }

    /** These figures with the CPU milliseconds the window's requests cost the server and the load generator. */
    Figures withCpu(double serverMillis, double generatorMillis) {
        return new Figures(perSecond, p50, p95, p99, count, failures, serverMillis / count, generatorMillis / count);
    }

    /** The nearest-rank percentile, in milliseconds. */
    private static double millis(long[] sorted, double quantile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        var rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1_000_000.0;
    }
}

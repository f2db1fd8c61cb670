package dev.meridian.launcher.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

/**
 * Closed-loop HTTP load: a number of clients, each with its own connection, send the next request as soon as
 * the previous one answered, for a warm-up and then a measured window. Only requests that complete inside the
 * window count; a non-2xx answer is a failure. The server's and this process's CPU time are read at the start
 * and the end of the window.
 */
final class HttpLoad {

    private final int clients;
    private final Duration warmUp;
    private final Duration window;
    private final String authorization;
    private final ProcessCpu server;
    private final ProcessCpu generator = ProcessCpu.self();

    HttpLoad(int clients, Duration warmUp, Duration window, String authorization, ProcessCpu server) {
        this.clients = clients;
        this.warmUp = warmUp;
        this.window = window;
        this.authorization = authorization;
        this.server = server;
    }

    /** Runs the load against URIs picked at random from the list. */
    Figures run(List<URI> targets) throws InterruptedException {
        var failures = new AtomicLong();
        var measuredFrom = System.nanoTime() + warmUp.toNanos();
        var until = measuredFrom + window.toNanos();
        var latencies = new ArrayList<LatencyLog>();
        double serverFrom;
        double generatorFrom;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            var done = new ArrayList<Future<Void>>();
            for (int i = 0; i < clients; i++) {
                var log = new LatencyLog();
                latencies.add(log);
                done.add(pool.submit(() -> drive(targets, measuredFrom, until, log, failures)));
            }
            Thread.sleep(Math.max(0, (measuredFrom - System.nanoTime()) / 1_000_000));
            serverFrom = server.millis();
            generatorFrom = generator.millis();
            for (var client : done) {
                try {
                    client.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("a benchmark client failed", e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        var serverMillis = server.millis() - serverFrom;
        var generatorMillis = generator.millis() - generatorFrom;
        var all = latencies.stream().map(LatencyLog::toArray).flatMapToLong(LongStream::of).toArray();
        return Figures.of(all, window.toNanos() / 1e9, failures.get()).withCpu(serverMillis, generatorMillis);
    }

    private Void drive(List<URI> targets, long measuredFrom, long until, LatencyLog log, AtomicLong failures)
            throws Exception {
        var client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        var random = ThreadLocalRandom.current();
        while (true) {
            var request = HttpRequest.newBuilder(targets.get(random.nextInt(targets.size())))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", authorization)
                    .header("Accept", "application/json")
                    .GET().build();
            var started = System.nanoTime();
            if (started >= until) {
                return null;
            }
            var response = client.send(request, BodyHandlers.ofByteArray());
            var finished = System.nanoTime();
            if (started >= measuredFrom && finished <= until) {
                if (response.statusCode() / 100 == 2) {
                    log.add(finished - started);
                } else {
                    failures.incrementAndGet();
                }
            }
        }
    }

    /** One client's latencies, in nanoseconds; grows without boxing. */
    private static final class LatencyLog {
        private long[] values = new long[1 << 14];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}

package dev.meridian.launcher.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Closed-loop HTTP load from wrk, the HTTP counterpart of pgbench: a number of connections, each sending the
 * next request as soon as the previous one answered. A freshly started server runs interpreted and compiles
 * its hot code over the first minutes, so it is warmed up before anything is measured: first on all routes at
 * once ({@link #warmUp}), then on each route before its measured window ({@link #run}), in rounds until three
 * in a row agree within 5% on throughput (or the rounds run out). A fresh server's first rounds can agree on
 * a plateau it later leaves, several times faster, so the warm-up on all routes runs a minimum of rounds
 * before agreement may end it. The server's CPU time is read around the window, wrk's own after it exits.
 */
final class HttpLoad {

    private static final double STEADY = 0.05;
    private static final String SCRIPT = "scenario.lua";
    private static final String PATHS = "paths.txt";
    // a server warmed up on every route needs few more rounds on one
    private static final int ROUNDS_PER_ROUTE = 6;

    /**
     * How every load of a run is driven: the wrk binary, where its scripts and outputs go, connections, the
     * length of a warm-up round, at least and at most how many rounds warm a fresh server up, and the measured
     * window.
     */
    record Settings(Path wrk, Path workDir, int clients, Duration round, int minRounds, int maxRounds,
            Duration window) {
    }

    private final Path wrk;
    private final Path workDir;
    private final int clients;
    private final Duration round;
    private final int minRounds;
    private final int maxRounds;
    private final Duration window;
    private final String authorization;
    private final ProcessCpu server;

    /** Load with these settings, signed with {@code authorization}, on the server whose CPU time is read. */
    HttpLoad(Settings settings, String authorization, ProcessCpu server) {
        this.wrk = settings.wrk();
        this.workDir = settings.workDir();
        this.clients = settings.clients();
        this.round = settings.round();
        this.minRounds = settings.minRounds();
        this.maxRounds = settings.maxRounds();
        this.window = settings.window();
        this.authorization = authorization;
        this.server = server;
    }

    /** Warms the server up on the URIs, picked at random: all the routes of a run, once per server start. */
    void warmUp(String name, List<URI> targets) throws IOException, InterruptedException {
        var dir = prepare(name, targets);
        rounds(targets.get(0).resolve("/"), dir, minRounds, maxRounds);
    }

    /** Warms the server up on the URIs, picked at random, then measures it on them. */
    Figures run(String name, List<URI> targets) throws IOException, InterruptedException {
        var dir = prepare(name, targets);
        var base = targets.get(0).resolve("/");
        rounds(base, dir, 0, ROUNDS_PER_ROUTE);
        var serverFrom = server.millis();
        var measured = wrk(base, dir, window);
        return measured.figures().withCpu(server.millis() - serverFrom, measured.cpuMillis());
    }

    private Path prepare(String name, List<URI> targets) throws IOException {
        var dir = Files.createDirectories(workDir.resolve(name));
        Files.write(dir.resolve(PATHS), targets.stream()
                .map(uri -> uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .toList());
        try (InputStream source = HttpLoad.class.getResourceAsStream(SCRIPT)) {
            Files.write(dir.resolve(SCRIPT), source.readAllBytes());
        }
        return dir;
    }

    private void rounds(URI base, Path dir, int atLeast, int atMost) throws IOException, InterruptedException {
        var rounds = new ArrayList<Double>();
        while (rounds.size() < atMost && (rounds.size() < atLeast || !steady(rounds))) {
            rounds.add(wrk(base, dir, round).figures().perSecond());
        }
        System.out.println("  warm-up, req/s per " + round.toSeconds() + " s round: " + rounds.stream()
                .map(perSecond -> String.format(Locale.ROOT, "%.0f", perSecond)).collect(Collectors.joining(", ")));
    }

    /** Whether the last three rounds agree within {@link #STEADY} of the slowest of them. */
    private static boolean steady(List<Double> rounds) {
        if (rounds.size() < 3) {
            return false;
        }
        var last = rounds.subList(rounds.size() - 3, rounds.size());
        var slowest = last.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        var fastest = last.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return fastest - slowest <= STEADY * slowest;
    }

    private record Run(Figures figures, double cpuMillis) {
    }

    /**
     * One wrk run. It runs under a shell that, once wrk has exited and been waited for, prints its own
     * {@code /proc} stat line, whose children's CPU times are then wrk's.
     */
    private Run wrk(URI base, Path dir, Duration duration) throws IOException, InterruptedException {
        var command = List.of("sh", "-c", "\"$0\" \"$@\" && cat /proc/$$/stat", wrk.toString(),
                "--threads", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "--connections", Integer.toString(clients), "--duration", duration.toSeconds() + "s",
                "--timeout", "30s", "--script", dir.resolve(SCRIPT).toString(),
                "--header", "Authorization: " + authorization, "--header", "Accept: application/json",
                base.toString(), "--", dir.resolve(PATHS).toString());
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IOException("wrk failed (" + process.exitValue() + "):\n" + output);
        }
        var lines = output.strip().lines().toList();
        var summary = lines.stream().filter(line -> line.startsWith("MERIDIAN-WRK ")).findFirst()
                .orElseThrow(() -> new IOException("wrk printed no summary:\n" + output)).split(" ");
        long requests = Long.parseLong(summary[1]);
        double seconds = Long.parseLong(summary[3]) / 1e6;
        var figures = new Figures(requests / seconds, micros(summary[4]), micros(summary[5]), micros(summary[6]),
                requests, Long.parseLong(summary[2]), Double.NaN, Double.NaN);
        return new Run(figures, ProcessCpu.childrenMillis(lines.get(lines.size() - 1)));
    }

    private static double micros(String value) {
        return Long.parseLong(value) / 1000.0;
    }
}

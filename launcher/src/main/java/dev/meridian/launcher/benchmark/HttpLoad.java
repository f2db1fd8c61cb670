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
 * its hot code over the first minutes, so each scenario first runs warm-up rounds until two in a row agree
 * within 5% on throughput (or the rounds run out), then the measured window. The server's CPU time is read
 * around the window, wrk's own after it exits.
 */
final class HttpLoad {

    private static final double STEADY = 0.05;
    private static final String SCRIPT = "scenario.lua";

    private final Path wrk;
    private final Path workDir;
    private final int clients;
    private final Duration round;
    private final int maxRounds;
    private final Duration window;
    private final String authorization;
    private final ProcessCpu server;

    HttpLoad(Path wrk, Path workDir, int clients, Duration round, int maxRounds, Duration window,
            String authorization, ProcessCpu server) {
        this.wrk = wrk;
        this.workDir = workDir;
        this.clients = clients;
        this.round = round;
        this.maxRounds = maxRounds;
        this.window = window;
        this.authorization = authorization;
        this.server = server;
    }

    /** Warms the server up on the URIs, picked at random, then measures it on them. */
    Figures run(String name, List<URI> targets) throws IOException, InterruptedException {
        var dir = Files.createDirectories(workDir.resolve(name));
        var paths = Files.write(dir.resolve("paths.txt"), targets.stream()
                .map(uri -> uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))
                .toList());
        Path script = dir.resolve(SCRIPT);
        try (InputStream source = HttpLoad.class.getResourceAsStream(SCRIPT)) {
            Files.write(script, source.readAllBytes());
        }
        var base = targets.get(0).resolve("/");
        var warmUp = new ArrayList<Double>();
        for (int i = 0; i < maxRounds && !steady(warmUp); i++) {
            warmUp.add(wrk(base, script, paths, round).figures().perSecond());
        }
        System.out.println("  warm-up, req/s per " + round.toSeconds() + " s round: " + warmUp.stream()
                .map(perSecond -> String.format(Locale.ROOT, "%.0f", perSecond)).collect(Collectors.joining(", ")));
        var serverFrom = server.millis();
        var measured = wrk(base, script, paths, window);
        return measured.figures().withCpu(server.millis() - serverFrom, measured.cpuMillis());
    }

    private static boolean steady(List<Double> rounds) {
        int n = rounds.size();
        return n >= 2 && Math.abs(rounds.get(n - 1) - rounds.get(n - 2)) <= STEADY * rounds.get(n - 2);
    }

    private record Run(Figures figures, double cpuMillis) {
    }

    /**
     * One wrk run. It runs under a shell that, once wrk has exited and been waited for, prints its own
     * {@code /proc} stat line, whose children's CPU times are then wrk's.
     */
    private Run wrk(URI base, Path script, Path paths, Duration duration) throws IOException, InterruptedException {
        var command = List.of("sh", "-c", "\"$0\" \"$@\" && cat /proc/$$/stat", wrk.toString(),
                "--threads", Integer.toString(Math.min(clients, Runtime.getRuntime().availableProcessors())),
                "--connections", Integer.toString(clients), "--duration", duration.toSeconds() + "s",
                "--timeout", "30s", "--script", script.toString(),
                "--header", "Authorization: " + authorization, "--header", "Accept: application/json",
                base.toString(), "--", paths.toString());
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

package dev.meridian.launcher.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * pgbench running SQL scripts with the given clients for a warm-up and a measured window, with a
 * per-transaction log from which latency percentiles are computed ({@code -l}: the third field of each line
 * is the transaction's latency in microseconds). Prepared statements ({@code -M prepared}), as PgJDBC uses
 * server-side prepared statements for repeated queries.
 */
final class Pgbench {

    /** Where pgbench connects: as the application role, to the benchmark database. */
    record Connection(String host, int port, String database, String user, String password) {
    }

    private final Path executable;
    private final Connection connection;
    private final Path workDir;
    private final int clients;

    Pgbench(Path executable, Connection connection, Path workDir, int clients) {
        this.executable = executable;
        this.connection = connection;
        this.workDir = workDir;
        this.clients = clients;
    }

    /** Runs the scripts, each picked at random with equal weight, and answers the measured window's figures. */
    Figures run(String name, List<String> scripts, Duration warmUp, Duration window)
            throws IOException, InterruptedException {
        var dir = Files.createDirectories(workDir.resolve(name));
        try (var old = Files.list(dir)) {
            for (var file : old.toList()) {
                Files.delete(file);
            }
        }
        var files = new ArrayList<Path>();
        for (int i = 0; i < scripts.size(); i++) {
            files.add(Files.writeString(dir.resolve("script-" + i + ".sql"), scripts.get(i)));
        }
        pgbench(files, warmUp, null);
        var logPrefix = dir.resolve("log");
        pgbench(files, window, logPrefix);
        var latencies = new ArrayList<Long>();
        try (Stream<Path> logs = Files.list(dir)) {
            for (var log : logs.filter(file -> file.getFileName().toString().startsWith("log")).toList()) {
                try (var lines = Files.lines(log, StandardCharsets.US_ASCII)) {
                    lines.forEach(line -> latencies.add(Long.parseLong(line.split(" ")[2]) * 1000));
                }
            }
        }
        return Figures.of(latencies.stream().mapToLong(Long::longValue).toArray(), window.toNanos() / 1e9, 0);
    }

    private void pgbench(List<Path> scripts, Duration duration, Path logPrefix)
            throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(executable.toString(), "-n", "-M", "prepared",
                "-c", String.valueOf(clients), "-j", String.valueOf(Math.min(clients, 2)),
                "-T", String.valueOf(Math.max(1, duration.toSeconds())),
                "-h", connection.host(), "-p", String.valueOf(connection.port()), "-U", connection.user()));
        if (logPrefix != null) {
            command.addAll(List.of("-l", "--log-prefix=" + logPrefix));
        }
        for (var script : scripts) {
            command.addAll(List.of("-f", script.toString()));
        }
        command.add(connection.database());
        var process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(workDir.resolve("pgbench.out").toFile());
        if (connection.password() != null) {
            process.environment().put("PGPASSWORD", connection.password());
        }
        var exit = process.start().waitFor();
        if (exit != 0) {
            throw new IOException("pgbench failed (exit " + exit + "); see "
                    + workDir.resolve("pgbench.out") + ": " + Files.readString(workDir.resolve("pgbench.out")));
        }
    }
}

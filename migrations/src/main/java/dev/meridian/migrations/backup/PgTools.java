package dev.meridian.migrations.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * PostgreSQL's client tools for a server of a given major version: {@code pg_dump} and the {@code pg_restore}
 * beside it. A {@code pg_dump} refuses to dump a server newer than itself, so a tool is usable only when its
 * major version is at least the server's. Looked for, in this order: the configured {@code MERIDIAN_PG_DUMP},
 * Debian's {@code /usr/lib/postgresql/<server major>/bin/pg_dump}, and {@code pg_dump} on the PATH.
 */
public record PgTools(Path pgDump, Path pgRestore, int major) {

    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    /**
     * @throws BackupUnavailable
     *             naming every candidate and why it does not do, when none does
     */
    public static PgTools locate(Optional<String> configured, int serverMajor) {
        var candidates = new ArrayList<Path>();
        configured.map(Path::of).ifPresent(candidates::add);
        candidates.add(Path.of("/usr/lib/postgresql/" + serverMajor + "/bin/pg_dump"));
        onPath("pg_dump").ifPresent(candidates::add);
        var rejected = new LinkedHashMap<Path, String>();
        for (var candidate : candidates) {
            var pgRestore = candidate.resolveSibling("pg_restore");
            var major = major(candidate);
            if (major.isEmpty()) {
                rejected.put(candidate, "not found or does not run");
            } else if (major.get() < serverMajor) {
                rejected.put(candidate, "version " + major.get() + " cannot dump a version " + serverMajor
                        + " server");
            } else if (!Files.isExecutable(pgRestore)) {
                rejected.put(candidate, "no pg_restore beside it");
            } else {
                return new PgTools(candidate, pgRestore, major.get());
            }
        }
        throw new BackupUnavailable("no usable pg_dump for the PostgreSQL " + serverMajor + " server: "
                + describe(rejected) + "; install the PostgreSQL " + serverMajor
                + " client tools (Debian: postgresql-client-" + serverMajor + ") or set MERIDIAN_PG_DUMP");
    }

    private static String describe(Map<Path, String> rejected) {
        var parts = new ArrayList<String>();
        rejected.forEach((path, why) -> parts.add(path + " (" + why + ")"));
        return String.join(", ", parts);
    }

    private static Optional<Path> onPath(String tool) {
        var path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (var directory : path.split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
                return Optional.of(Path.of(directory, tool));
            }
        }
        return Optional.empty();
    }

    /** The major version {@code <tool> --version} reports ("pg_dump (PostgreSQL) 15.20 ..."). */
    private static Optional<Integer> major(Path tool) {
        if (!Files.isExecutable(tool)) {
            return Optional.empty();
        }
        try {
            var process = new ProcessBuilder(tool.toString(), "--version").redirectErrorStream(true).start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Optional.empty();
            }
            var version = VERSION.matcher(output);
            return version.find() ? Optional.of(Integer.parseInt(version.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Runs one of the tools to its end and fails with its own words when it fails. */
    void run(List<String> command, DatabaseLogin login) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        login.password().ifPresent(password -> builder.environment().put("PGPASSWORD", password));
        builder.environment().putIfAbsent("PGCONNECT_TIMEOUT", "10");
        try {
            var process = builder.start();
            // the tools write only messages (the dump goes to a file): read them all, then wait
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " did not end");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(Path.of(command.get(0)).getFileName() + " failed (exit "
                        + process.exitValue() + "): " + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command.get(0) + " was interrupted", e);
        }
    }
}

package dev.meridian.launcher.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * The CPU time (user and system) a process has used so far, from Linux's {@code /proc/<pid>/stat}: what the
 * server and the load generator each spend per request, which on a machine of two cores decides throughput.
 * NaN where it cannot tell.
 */
final class ProcessCpu {

    // USER_HZ, the unit of /proc's CPU times, is 100 on Linux
    private static final double MILLIS_PER_TICK = 10;

    private final Supplier<String> pid;

    private ProcessCpu(Supplier<String> pid) {
        this.pid = pid;
    }

    /** The process whose id the file holds, read anew each time (a server writes it when it starts). */
    static ProcessCpu ofPidFile(Path file) {
        return new ProcessCpu(() -> {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                return "";
            }
        });
    }

    static ProcessCpu self() {
        return new ProcessCpu(() -> Long.toString(ProcessHandle.current().pid()));
    }

    double millis() {
        try {
            var stat = Files.readString(Path.of("/proc", pid.get(), "stat"));
            // the fields after the command name's closing bracket start at the 3rd; utime is the 14th, stime the 15th
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}

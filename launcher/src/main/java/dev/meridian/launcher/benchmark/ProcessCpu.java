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
    // proc(5): utime and stime are the 14th and 15th fields, cutime and cstime (children waited for) the 16th, 17th
    private static final int UTIME = 14;
    private static final int CUTIME = 16;

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

    double millis() {
        try {
            return fieldMillis(Files.readString(Path.of("/proc", pid.get(), "stat")), UTIME);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The CPU time of the children a process has waited for, from its stat line; NaN where it cannot tell. */
    static double childrenMillis(String stat) {
        try {
            return fieldMillis(stat, CUTIME);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** The field and the next one, in milliseconds: user and system time. */
    private static double fieldMillis(String stat, int field) {
        // the fields after the command name's closing bracket start at the 3rd
        var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[field - 3]) + Long.parseLong(fields[field - 2])) * MILLIS_PER_TICK;
    }
}

package dev.meridian.persistence.operations;

import java.util.Objects;
import java.util.Optional;

/**
 * What a job's run did, for its record: succeeded with the rows it affected (and a note when a count alone
 * says too little), or skipped with why it could do nothing. A failure is an exception, not a result: it
 * rolls the job's work back and is retried.
 */
public record JobResult(boolean skipped, long rows, Optional<String> note) {

    public JobResult {
        Objects.requireNonNull(note, "note");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0");
        }
        if (skipped && note.isEmpty()) {
            throw new IllegalArgumentException("a skipped run says why");
        }
    }

    public static JobResult succeeded(long rows) {
        return new JobResult(false, rows, Optional.empty());
    }

    public static JobResult succeeded(long rows, String note) {
        return new JobResult(false, rows, Optional.of(note));
    }

    public static JobResult skipped(String why) {
        return new JobResult(true, 0, Optional.of(why));
    }
}

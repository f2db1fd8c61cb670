package dev.meridian.persistence.operations;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One job run as the jobs page lists it. */
public record JobRunRow(UUID id, String job, int attempt, String instance, Instant startedAt, Instant finishedAt,
        String outcome, Long rowsAffected, String detail) implements Serializable {
}

package dev.meridian.domain.operations;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/**
 * One attempt of a scheduled job on the instance that won its cluster-wide lease: started, then finished once
 * as succeeded (with the rows it affected, and a note where a count alone says too little), skipped (with
 * why: nothing it could do, such as backups not configured) or failed (with what went wrong, in words). A
 * failed attempt is retried as a new run with the next attempt number. An instance that lost the lease
 * records nothing. Platform-level data: read and written in platform scope only.
 */
@Entity
@Table(name = "job_run")
public class JobRun extends BaseEntity {

    /** The longest detail kept; the rest of a long error is cut. */
    public static final int DETAIL_LIMIT = 4000;

    @Column(name = "job", nullable = false, updatable = false)
    private String job;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "outcome", nullable = false)
    private JobOutcome outcome = JobOutcome.RUNNING;

    @Column(name = "rows_affected")
    private Long rowsAffected;

    @Column(name = "detail")
    private String detail;

    @Column(name = "attempt", nullable = false, updatable = false)
    private int attempt;

    @Column(name = "instance", nullable = false, updatable = false)
    private String instance;

    protected JobRun() {
    }

    /** A run that starts now. */
    public JobRun(String job, int attempt, String instance, Instant startedAt) {
        if (job == null || job.isBlank() || job.length() > 100) {
            throw new IllegalArgumentException("job must be 1 to 100 characters");
        }
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be >= 1");
        }
        if (instance == null || instance.isBlank()) {
            throw new IllegalArgumentException("instance is required");
        }
        this.job = job;
        this.attempt = attempt;
        this.instance = instance;
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    public void succeeded(long rows, Instant at) {
        succeeded(rows, null, at);
    }

    /**
     * @param note
     *            what a count alone does not say (a backup's file and restore check), or null
     */
    public void succeeded(long rows, String note, Instant at) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0");
        }
        finish(JobOutcome.SUCCEEDED, at);
        rowsAffected = rows;
        detail = cut(note);
    }

    /** Started, then found nothing it could do; {@code why} says what (a job that is not configured). */
    public void skipped(String why, Instant at) {
        finish(JobOutcome.SKIPPED, at);
        detail = cut(Objects.requireNonNull(why, "why"));
    }

    public void failed(String why, Instant at) {
        finish(JobOutcome.FAILED, at);
        detail = cut(Objects.requireNonNull(why, "why"));
    }

    private void finish(JobOutcome ending, Instant at) {
        Objects.requireNonNull(at, "at");
        if (outcome != JobOutcome.RUNNING) {
            throw new IllegalStateException("run " + getId() + " already " + outcome.code());
        }
        outcome = ending;
        // a clock step back must not break the finished >= started check
        finishedAt = at.isBefore(startedAt) ? startedAt : at;
    }

    private static String cut(String text) {
        return text == null || text.length() <= DETAIL_LIMIT ? text : text.substring(0, DETAIL_LIMIT);
    }

    public String getJob() {
        return job;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Optional<Instant> getFinishedAt() {
        return Optional.ofNullable(finishedAt);
    }

    public JobOutcome getOutcome() {
        return outcome;
    }

    public OptionalLong getRowsAffected() {
        return rowsAffected == null ? OptionalLong.empty() : OptionalLong.of(rowsAffected);
    }

    public Optional<String> getDetail() {
        return Optional.ofNullable(detail);
    }

    public int getAttempt() {
        return attempt;
    }

    public String getInstance() {
        return instance;
    }
}

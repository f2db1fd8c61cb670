package dev.meridian.persistence.operations;

import java.util.Optional;

import dev.meridian.domain.operations.JobRun;
import dev.meridian.persistence.context.RowLevelSecured;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A job's own transaction: takes the job's lease, records the start, does the work. The lease is held until
 * this transaction ends, so it covers exactly the work it guards.
 */
@Stateless
@RowLevelSecured
public class LeasedExecution {

    @PersistenceContext(unitName = "meridian")
    EntityManager entityManager;

    @Inject
    JobRunRepository runs;

    /** What the job did, or nothing when another transaction holds the lease. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<JobResult> run(Job job, JobRun run) {
        if (!JobLease.tryTake(entityManager, job.name())) {
            return Optional.empty();
        }
        runs.started(run);
        return Optional.of(job.perform(entityManager));
    }
}

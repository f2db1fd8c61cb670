package dev.meridian.persistence.operations;

import jakarta.persistence.EntityManager;

/** One scheduled job: work done in the job's own transaction, in platform scope, holding its lease. */
public interface Job {

    /** The job's name: its lease key, its {@code job_run.job} and the key of its schedule setting. */
    String name();

    /** Does the work and answers how many rows it affected. */
    long run(EntityManager entityManager);

    /**
     * Does the work and answers what its run records: by default the rows {@link #run} affected. A job with more
     * to say than a count (a backup's restore check), or that may find nothing it can do (not configured),
     * overrides this.
     */
    default JobResult perform(EntityManager entityManager) {
        return JobResult.succeeded(run(entityManager));
    }
}

package dev.meridian.persistence.operations;

import jakarta.persistence.EntityManager;

/** One scheduled job: work done in the job's own transaction, in platform scope, holding its lease. */
public interface Job {

    /** The job's name: its lease key, its {@code job_run.job} and the key of its schedule setting. */
    String name();

    /** Does the work and answers how many rows it affected. */
    long run(EntityManager entityManager);
}

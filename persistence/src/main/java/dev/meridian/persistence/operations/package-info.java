/**
 * Scheduled jobs that keep the platform healthy without an operator:
 * {@link dev.meridian.persistence.operations.JobScheduler} fires them from configured calendar timers and
 * {@link dev.meridian.persistence.operations.JobRunner} runs each once per schedule across the cluster (an
 * advisory-lock lease, {@link dev.meridian.persistence.operations.JobLease}), recording every attempt that
 * won the lease in {@code job_run}, retrying a failure with backoff and raising a {@code job_failed} security
 * event when the last attempt fails.
 */
package dev.meridian.persistence.operations;

/**
 * Scheduled jobs that keep the platform healthy without an operator:
 * {@link dev.meridian.persistence.operations.JobScheduler} fires them from configured calendar timers and
 * {@link dev.meridian.persistence.operations.JobRunner} runs each once per schedule across the cluster (an
 * advisory-lock lease, {@link dev.meridian.persistence.operations.JobLease}), recording every run that won
 * the lease in {@code job_run}.
 */
package dev.meridian.persistence.operations;

/**
 * Running the platform: {@link dev.meridian.domain.operations.SupportTicket}s with their
 * {@link dev.meridian.domain.operations.TicketMessage}s between a tenant and platform support, and the
 * platform-only {@link dev.meridian.domain.operations.SystemHealthSnapshot}s and
 * {@link dev.meridian.domain.operations.RowCountSnapshot}s that scheduled jobs take, and the
 * {@link dev.meridian.domain.operations.JobRun}s that record each job's runs.
 */
package dev.meridian.domain.operations;

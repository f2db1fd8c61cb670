/**
 * Who changed what, and what went wrong on the way in: {@link dev.meridian.domain.audit.ChangeLogEntry} (one
 * changed row, written only by the database's audit trigger, read-only here) and
 * {@link dev.meridian.domain.audit.SecurityEvent} (failed sign-ins, rejected keys, quota and rate-limit hits,
 * cross-tenant attempts, uses of platform scope), appended by the application and never changed.
 */
package dev.meridian.domain.audit;

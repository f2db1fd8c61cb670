/**
 * The security trail: {@link dev.meridian.persistence.audit.SecurityEventRepository} appends security events
 * (rejected keys, rate-limit and quota hits, ...) in the acting tenant.
 */
package dev.meridian.persistence.audit;

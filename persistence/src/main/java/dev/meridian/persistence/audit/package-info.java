/**
 * The security trail and the audit trail: {@link dev.meridian.persistence.audit.SecurityEventRepository}
 * appends security events (rejected keys, rate-limit and quota hits, ...) in the acting tenant;
 * {@link dev.meridian.persistence.audit.AuditTrail} pages the change log and security events for the portal,
 * with filters, and shows a change's old and new values side by side. Row-level security decides whose rows a
 * caller sees: their own tenant's, or every tenant's for a platform admin.
 */
package dev.meridian.persistence.audit;

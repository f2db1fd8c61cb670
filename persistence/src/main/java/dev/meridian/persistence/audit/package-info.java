/**
 * The audit trail as the portal reads it: {@link dev.meridian.persistence.audit.AuditTrail} pages the change
 * log and security events with filters, and shows a change's old and new values side by side. Row-level
 * security decides whose rows a caller sees: their own tenant's, or every tenant's for a platform admin.
 */
package dev.meridian.persistence.audit;

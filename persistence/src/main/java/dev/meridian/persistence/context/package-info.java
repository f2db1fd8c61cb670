/**
 * Who is acting, and the one place that tells PostgreSQL:
 * {@link dev.meridian.persistence.context.ActingContext} holds the caller of the current request, and
 * {@link dev.meridian.persistence.context.RowLevelSecurityInterceptor} sets the tenant, user and scope
 * transaction-locally before any repository statement of a transaction.
 */
package dev.meridian.persistence.context;

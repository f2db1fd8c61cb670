/**
 * The audit page: change log and security events, filtered and paged on the server, a change's values side by
 * side.
 */
package dev.meridian.admin.audit;

/**
 * Organizations, plans, users and API keys: repositories that run under row-level security and the use cases
 * the API and the portal call ({@link dev.meridian.persistence.tenancy.OrganizationService},
 * {@link dev.meridian.persistence.tenancy.PlanService}, {@link dev.meridian.persistence.tenancy.UserService},
 * {@link dev.meridian.persistence.tenancy.ApiKeyService},
 * {@link dev.meridian.persistence.tenancy.Authenticator}).
 */
package dev.meridian.persistence.tenancy;

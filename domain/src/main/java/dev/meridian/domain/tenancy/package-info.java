/**
 * Tenants and who acts for them: {@link dev.meridian.domain.tenancy.Organization} (the tenant),
 * {@link dev.meridian.domain.tenancy.User}, {@link dev.meridian.domain.tenancy.ApiKey}, plans, permissions,
 * pending users and password reset tokens.
 */
package dev.meridian.domain.tenancy;

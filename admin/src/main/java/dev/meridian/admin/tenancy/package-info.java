/**
 * Portal pages for tenancy: organizations ({@link dev.meridian.admin.tenancy.OrganizationsBean}) and, for
 * platform admins, plans and prices ({@link dev.meridian.admin.tenancy.PlansBean}); lists paged, sorted and
 * counted on the server.
 */
package dev.meridian.admin.tenancy;

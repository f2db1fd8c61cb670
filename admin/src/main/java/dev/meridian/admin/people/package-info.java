/**
 * Portal pages for an organization's people: its users ({@link dev.meridian.admin.people.UsersBean}) and API
 * keys ({@link dev.meridian.admin.people.KeysBean}), both working on the organization of
 * {@link dev.meridian.admin.people.OrganizationChoice}.
 */
package dev.meridian.admin.people;

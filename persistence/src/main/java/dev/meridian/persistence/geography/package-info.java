/**
 * The shared geography as tenants read it: locations, their children and seasons, the location typeahead
 * ({@link dev.meridian.persistence.geography.LocationService}) and the tenant's map aggregates
 * ({@link dev.meridian.persistence.geography.MapService}), over row-level secured repositories.
 */
package dev.meridian.persistence.geography;

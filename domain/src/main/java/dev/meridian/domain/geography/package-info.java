/**
 * Shared geography, the same for every tenant: the {@link dev.meridian.domain.geography.Location} hierarchy
 * (state → county → locality), the geocode cache and the {@link dev.meridian.domain.geography.Season}s of a
 * location, with the values {@link dev.meridian.domain.geography.Coordinates} and
 * {@link dev.meridian.domain.geography.DateRange}.
 */
package dev.meridian.domain.geography;

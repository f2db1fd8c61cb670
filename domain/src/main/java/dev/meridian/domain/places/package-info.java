/**
 * A tenant's catalogue and what its users do with it: {@link dev.meridian.domain.places.Place} (rated by its
 * {@link dev.meridian.domain.places.Review}s, the rating kept by the database), shared
 * {@link dev.meridian.domain.places.Category}s, and each user's private
 * {@link dev.meridian.domain.places.Preference}s and {@link dev.meridian.domain.places.LocationFollow}s.
 */
package dev.meridian.domain.places;

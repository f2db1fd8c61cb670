/**
 * A tenant's places and their reviews. {@link dev.meridian.persistence.places.PlaceModeration} is the
 * portal's moderation of them: search, filter, edit and delete, under row-level security.
 */
package dev.meridian.persistence.places;

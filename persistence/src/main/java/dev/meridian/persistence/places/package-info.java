/**
 * A tenant's places and their reviews: repositories that run under row-level security and the use cases the
 * API calls ({@link dev.meridian.persistence.places.PlaceService},
 * {@link dev.meridian.persistence.places.ReviewService}). Place changes record their change events in the
 * same transaction.
 */
package dev.meridian.persistence.places;

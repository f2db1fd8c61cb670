/**
 * A tenant's places and what users do with them, over row-level secured repositories: places and their
 * reviews ({@link dev.meridian.persistence.places.PlaceService},
 * {@link dev.meridian.persistence.places.ReviewService}; place changes record their change events in the same
 * transaction), and the caller's follows ({@link dev.meridian.persistence.places.FollowService}), preferences
 * ({@link dev.meridian.persistence.places.PreferenceService}) and recommendations near a point
 * ({@link dev.meridian.persistence.places.RecommendationService}). The portal moderates places and reviews
 * through {@link dev.meridian.persistence.places.PlaceModeration}.
 */
package dev.meridian.persistence.places;

/**
 * Places and what users do with them, over row-level secured repositories: the caller's follows
 * ({@link dev.meridian.persistence.places.FollowService}), preferences
 * ({@link dev.meridian.persistence.places.PreferenceService}) and recommendations near a point
 * ({@link dev.meridian.persistence.places.RecommendationService}).
 */
package dev.meridian.persistence.places;

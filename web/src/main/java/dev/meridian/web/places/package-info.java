/**
 * REST resources for places and reviews: {@link dev.meridian.web.places.PlacesResource} (search, CRUD, merge
 * patch, a place's reviews and the caller's own) and {@link dev.meridian.web.places.MyReviewsResource}. Each
 * parses its request, makes one service call and maps the result to a view.
 */
package dev.meridian.web.places;

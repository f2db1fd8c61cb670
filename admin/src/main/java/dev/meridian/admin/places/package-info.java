/** Places and reviews moderation pages: search, filter by category and location, edit, delete. */
package dev.meridian.admin.places;

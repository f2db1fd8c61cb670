package dev.meridian.web.places;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.places.Review;
import dev.meridian.persistence.places.ReviewRepository;
import dev.meridian.web.api.Cursor;

/** Positions in the lists of reviews, which all run newest first: (created, id) of the last review shown. */
final class ReviewCursors {

    private static final String ORDER = "newest";

    private ReviewCursors() {
    }

    static Cursor position(Review review) {
        return Cursor.of(ORDER, review.getCreatedAt().toString(), review.getId().toString());
    }

    static Optional<ReviewRepository.After> after(String cursor) {
        return Optional.ofNullable(cursor).map(token -> {
            var position = Cursor.decode(token, ORDER, 2);
            return new ReviewRepository.After(position.key(0, Instant::parse), position.key(1, UUID::fromString));
        });
    }
}

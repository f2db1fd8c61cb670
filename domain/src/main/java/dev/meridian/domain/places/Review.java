package dev.meridian.domain.places;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import dev.meridian.domain.tenancy.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A user's rating (1 to 5) and comment on a place of their own organization; one per user and place. The
 * whole organization reads reviews; only the author, a moderator or platform scope changes one.
 */
@Entity
@Table(name = "review")
public class Review extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "place_id", nullable = false, updatable = false)
    private Place place;

    /** The place's id, read without loading the place: lists of reviews show it for every review. */
    @Column(name = "place_id", nullable = false, insertable = false, updatable = false)
    private UUID placeId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User author;

    /** The author's id, read without loading the author. */
    @Column(name = "user_id", nullable = false, insertable = false, updatable = false)
    private UUID authorId;

    @Column(name = "rating", nullable = false)
    private short rating;

    @Column(name = "comment")
    private String comment;

    protected Review() {
    }

    Review(Place place, User author, int rating, String comment) {
        this.place = Objects.requireNonNull(place, "place");
        this.author = Objects.requireNonNull(author, "author");
        if (!author.getOrganizationId().equals(place.getOrganizationId())) {
            throw new IllegalArgumentException("a user reviews only places of their own organization");
        }
        this.organizationId = place.getOrganizationId();
        this.placeId = place.getId();
        this.authorId = author.getId();
        rate(rating, comment);
    }

    /** Changes the rating and the comment together, as the author does. */
    public void rate(int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating must be 1 to 5");
        }
        if (comment != null && comment.length() > 4000) {
            throw new IllegalArgumentException("comment is at most 4000 characters");
        }
        this.rating = (short) rating;
        this.comment = comment == null || comment.isBlank() ? null : comment.strip();
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public Place getPlace() {
        return place;
    }

    public UUID getPlaceId() {
        return placeId;
    }

    public User getAuthor() {
        return author;
    }

    public UUID getAuthorId() {
        return authorId;
    }

    public int getRating() {
        return rating;
    }

    public Optional<String> getComment() {
        return Optional.ofNullable(comment);
    }
}

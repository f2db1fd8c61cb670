package dev.meridian.admin.places;

import java.io.Serializable;
import java.util.UUID;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.persistence.places.PlaceModeration;
import dev.meridian.persistence.places.ReviewRow;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The reviews moderation page: redact a review's comment or delete the review. */
@Named
@ViewScoped
public class ReviewsBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlaceModeration moderation;

    private ModerationForm search;
    private LazyDataModel<ReviewRow> reviews;

    @NotBlank(message = "Choose a review to edit")
    @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "Not a review id")
    private String id;

    @Size(max = 4000, message = "A comment is at most 4,000 characters")
    private String comment;

    @PostConstruct
    void init() {
        search = new ModerationForm(moderation.categories());
        reviews = new ServerPagedModel<>((first, size, sortBy, ascending) -> moderation.reviews(search.filter(),
                first, size, sortBy, ascending), () -> moderation.countReviews(search.filter()), ReviewRow::id,
                "createdAt", false);
    }

    public void edit(ReviewRow review) {
        id = review.id().toString();
        comment = review.comment();
    }

    public void save() {
        Feedback.attempt(() -> moderation.editReview(UUID.fromString(id), comment), "Review saved");
    }

    public void delete(ReviewRow review) {
        Feedback.attempt(() -> moderation.deleteReview(review.id()), "Review deleted");
    }

    public ModerationForm getSearch() {
        return search;
    }

    public LazyDataModel<ReviewRow> getReviews() {
        return reviews;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getComment() {
        return comment;
    }

    public void setComment(String comment) {
        this.comment = comment;
    }
}

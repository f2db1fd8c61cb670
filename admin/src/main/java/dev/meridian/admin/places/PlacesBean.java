package dev.meridian.admin.places;

import java.io.Serializable;
import java.util.UUID;

import org.primefaces.model.LazyDataModel;

import dev.meridian.admin.display.Feedback;
import dev.meridian.admin.display.ServerPagedModel;
import dev.meridian.persistence.places.PlaceModeration;
import dev.meridian.persistence.places.PlaceRow;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The places moderation page. The edit form carries the place's id back in a hidden field: the service looks
 * it up under row-level security, so a forged id of another tenant's place is simply not found.
 */
@Named
@ViewScoped
public class PlacesBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PlaceModeration moderation;

    private ModerationForm search;
    private LazyDataModel<PlaceRow> places;

    @NotBlank(message = "Choose a place to edit")
    @Pattern(regexp = "[0-9a-fA-F-]{36}", message = "Not a place id")
    private String id;

    @NotBlank(message = "A place needs a name")
    @Size(max = 200, message = "A name is at most 200 characters")
    private String name;

    @Size(max = 4000, message = "A description is at most 4,000 characters")
    private String description;

    private String category;

    @PostConstruct
    void init() {
        search = new ModerationForm(moderation.categories());
        places = new ServerPagedModel<>((first, size, sortBy, ascending) -> moderation.places(search.filter(),
                first, size, sortBy, ascending), () -> moderation.countPlaces(search.filter()), PlaceRow::id, "name",
                true);
    }

    public void edit(PlaceRow place) {
        id = place.id().toString();
        name = place.name();
        description = place.description();
        category = place.categoryCode();
    }

    public void save() {
        Feedback.attempt(() -> moderation.editPlace(UUID.fromString(id), name, description, category),
                "Place saved");
    }

    public void delete(PlaceRow place) {
        Feedback.attempt(() -> moderation.deletePlace(place.id()), "Place deleted");
    }

    public ModerationForm getSearch() {
        return search;
    }

    public LazyDataModel<PlaceRow> getPlaces() {
        return places;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }
}

package dev.meridian.domain.places;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.meridian.domain.common.BaseEntity;
import dev.meridian.domain.geography.Coordinates;
import dev.meridian.domain.geography.Location;
import dev.meridian.domain.tenancy.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A place in one organization's catalogue, at a location of the shared geography. Its rating and number of
 * ratings follow its reviews: the database keeps them (a trigger on review), so this entity only reads them,
 * and {@link #review} is how a user rates it.
 */
@Entity
@Table(name = "place")
public class Place extends BaseEntity {

    private static final Pattern TYPE = Pattern.compile("[a-z0-9_]+");

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id", nullable = false)
    private Location location;

    /** The location's id, read without loading the location: every view of a place shows it. */
    @Column(name = "location_id", nullable = false, insertable = false, updatable = false)
    private UUID locationId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id")
    private Category category;

    @Column(name = "external_ref")
    private String externalRef;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "lat", nullable = false)
    private double lat;

    @Column(name = "lng", nullable = false)
    private double lng;

    /** Space-separated type codes: a plain column keeps the mapping and the search simple. */
    @Column(name = "types", nullable = false)
    private String types = "";

    @Column(name = "description")
    private String description;

    /** A JSON object, kept as text (jsonb in the database). */
    @Column(name = "opening_hours")
    private String openingHours;

    @Column(name = "rating", insertable = false, updatable = false)
    private BigDecimal rating;

    @Column(name = "ratings_total", nullable = false, insertable = false, updatable = false)
    private int ratingsTotal;

    protected Place() {
    }

    public Place(UUID organizationId, Location location, String name, Coordinates coordinates) {
        this.organizationId = Objects.requireNonNull(organizationId, "organization");
        this.location = Objects.requireNonNull(location, "location");
        this.name = requireName(name);
        moveTo(location, coordinates);
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        return name.strip();
    }

    /** A review of this place by a user of its organization; the place's rating follows once it is stored. */
    public Review review(User author, int rating, String comment) {
        return new Review(this, author, rating, comment);
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public Location getLocation() {
        return location;
    }

    public Coordinates getCoordinates() {
        return new Coordinates(lat, lng);
    }

    public UUID getLocationId() {
        return locationId;
    }

    public void moveTo(Location location, Coordinates coordinates) {
        Objects.requireNonNull(coordinates, "coordinates");
        this.location = Objects.requireNonNull(location, "location");
        this.locationId = location.getId();
        this.lat = coordinates.lat();
        this.lng = coordinates.lng();
    }

    public Optional<Category> getCategory() {
        return Optional.ofNullable(category);
    }

    public void categorize(Category category) {
        this.category = category;
    }

    public Optional<String> getExternalRef() {
        return Optional.ofNullable(externalRef);
    }

    /** The id of this place in the organization's own system: unique within the organization. */
    public void setExternalRef(String externalRef) {
        if (externalRef != null && (externalRef.isBlank() || externalRef.strip().length() > 200)) {
            throw new IllegalArgumentException("externalRef must be 1 to 200 characters");
        }
        this.externalRef = externalRef == null ? null : externalRef.strip();
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = requireName(name);
    }

    public Set<String> getTypes() {
        return types.isEmpty()
                ? Set.of()
                : Set.copyOf(Arrays.asList(types.split(" ")));
    }

    /** Lower-case codes of letters, digits and underscores; duplicates collapse. */
    public void retype(Collection<String> types) {
        var codes = new TreeSet<String>();
        for (var type : Objects.requireNonNull(types, "types")) {
            var code = Objects.requireNonNull(type, "type").strip().toLowerCase(Locale.ROOT);
            if (!TYPE.matcher(code).matches()) {
                throw new IllegalArgumentException("a type is lower-case letters, digits and underscores: " + type);
            }
            codes.add(code);
        }
        this.types = codes.stream().collect(Collectors.joining(" "));
    }

    public Optional<String> getDescription() {
        return Optional.ofNullable(description);
    }

    public void setDescription(String description) {
        if (description != null && description.length() > 4000) {
            throw new IllegalArgumentException("description is at most 4000 characters");
        }
        this.description = description == null || description.isBlank() ? null : description.strip();
    }

    /** Opening hours as a JSON object, e.g. {@code {"mon": "09:00-17:00"}}; validated by the database. */
    public Optional<String> getOpeningHours() {
        return Optional.ofNullable(openingHours);
    }

    public void setOpeningHours(String openingHoursJson) {
        this.openingHours = openingHoursJson == null || openingHoursJson.isBlank() ? null : openingHoursJson.strip();
    }

    /** The average of the reviews to two decimals; empty while there are none. */
    public Optional<BigDecimal> getRating() {
        return Optional.ofNullable(rating);
    }

    public int getRatingsTotal() {
        return ratingsTotal;
    }
}

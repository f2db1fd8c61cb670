package dev.meridian.domain.geography;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A state, a county or a locality: shared reference data that every tenant reads and only platform scope
 * changes. A location's level follows from its parent (none: a state; a state: a county; a county: a
 * locality), and its code is unique among its siblings.
 */
@Entity
@Table(name = "location")
public class Location extends BaseEntity {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id", updatable = false)
    private Location parent;

    @Column(name = "level", nullable = false, updatable = false)
    private LocationLevel level;

    @Column(name = "code", nullable = false)
    private String code;

    @Column(name = "name", nullable = false)
    private String name;

    @Column(name = "lat", nullable = false)
    private double lat;

    @Column(name = "lng", nullable = false)
    private double lng;

    @Column(name = "time_zone", nullable = false)
    private String timeZone;

    protected Location() {
    }

    /** A new location under {@code parent}, or a state when the parent is {@code null}. */
    public Location(Location parent, String code, String name, Coordinates coordinates, ZoneId timeZone) {
        this.parent = parent;
        this.level = parent == null
                ? LocationLevel.STATE
                : parent.level.childLevel().orElseThrow(
                        () -> new IllegalArgumentException("a locality has no children"));
        this.code = requireCode(code);
        this.name = requireName(name);
        moveTo(coordinates);
        this.timeZone = Objects.requireNonNull(timeZone, "time zone").getId();
    }

    private static String requireCode(String code) {
        if (code == null || !CODE.matcher(code.strip()).matches()) {
            throw new IllegalArgumentException(
                    "code must be 1 to 40 letters, digits, dots, underscores or hyphens, starting with a letter or digit");
        }
        return code.strip();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 200) {
            throw new IllegalArgumentException("name must be 1 to 200 characters");
        }
        return name.strip();
    }

    public Optional<Location> getParent() {
        return Optional.ofNullable(parent);
    }

    public LocationLevel getLevel() {
        return level;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = requireName(name);
    }

    public Coordinates getCoordinates() {
        return new Coordinates(lat, lng);
    }

    public void moveTo(Coordinates coordinates) {
        Objects.requireNonNull(coordinates, "coordinates");
        this.lat = coordinates.lat();
        this.lng = coordinates.lng();
    }

    public ZoneId getTimeZone() {
        return ZoneId.of(timeZone);
    }
}

package dev.meridian.domain.geography;

import java.util.Objects;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A named stretch of days at a location ("winter", "festival week"). Two seasons of one location never
 * overlap: the database's exclusion constraint refuses it, whoever writes.
 */
@Entity
@Table(name = "season")
public class Season extends BaseEntity {

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id", nullable = false, updatable = false)
    private Location location;

    @Column(name = "name", nullable = false)
    private String name;

    /**
     * The daterange in its text form, {@code [2026-01-01,2026-03-01)}. A plain column rather than an attribute
     * converter: the PostgreSQL driver hands EclipseLink a daterange as a driver object, which EclipseLink turns
     * into text for a String attribute but passes unconverted to a converter expecting text.
     */
    @Column(name = "during", nullable = false)
    private String during;

    protected Season() {
    }

    public Season(Location location, String name, DateRange during) {
        this.location = Objects.requireNonNull(location, "location");
        this.name = requireName(name);
        this.during = Objects.requireNonNull(during, "during").toString();
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank() || name.strip().length() > 100) {
            throw new IllegalArgumentException("name must be 1 to 100 characters");
        }
        return name.strip();
    }

    public Location getLocation() {
        return location;
    }

    public String getName() {
        return name;
    }

    public void rename(String name) {
        this.name = requireName(name);
    }

    public DateRange getDuring() {
        return DateRange.parse(during);
    }

    public void reschedule(DateRange during) {
        this.during = Objects.requireNonNull(during, "during").toString();
    }
}

package dev.meridian.domain.places;

import java.util.Objects;
import java.util.UUID;

import dev.meridian.domain.common.BaseEntity;
import dev.meridian.domain.geography.Location;
import dev.meridian.domain.tenancy.User;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A user following a location, to be notified of changes to it and its places; once per user and location,
 * private to the user. Unfollowing deletes it.
 */
@Entity
@Table(name = "location_follow")
public class LocationFollow extends BaseEntity {

    @Column(name = "organization_id", nullable = false, updatable = false)
    private UUID organizationId;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private User user;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id", nullable = false, updatable = false)
    private Location location;

    protected LocationFollow() {
    }

    private LocationFollow(User user, Location location) {
        this.user = Objects.requireNonNull(user, "user");
        this.organizationId = user.getOrganizationId();
        this.location = Objects.requireNonNull(location, "location");
    }

    /** {@code user} starts following {@code location}. */
    public static LocationFollow follow(User user, Location location) {
        return new LocationFollow(user, location);
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public User getUser() {
        return user;
    }

    public Location getLocation() {
        return location;
    }
}

package dev.meridian.domain.notifications;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.meridian.domain.common.BaseEntity;
import dev.meridian.domain.geography.Location;
import dev.meridian.domain.places.Place;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * Something changed about a place (the place's organization's event) or a location (shared geography: no
 * organization, platform scope's alone), waiting to be fanned out to the followers of its location.
 */
@Entity
@Table(name = "change_event")
public class ChangeEvent extends BaseEntity {

    private static final Pattern KIND = Pattern.compile("[a-z]+(_[a-z]+)*");

    @Column(name = "organization_id", updatable = false)
    private UUID organizationId;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private SubjectType subjectType;

    @Column(name = "subject_id", nullable = false, updatable = false)
    private UUID subjectId;

    /** Where followers are found: the place's location, or the location itself. */
    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id", nullable = false, updatable = false)
    private Location location;

    @Column(name = "kind", nullable = false, updatable = false)
    private String kind;

    /** A JSON object, kept as text (jsonb in the database). */
    @Column(name = "payload", nullable = false, updatable = false)
    private String payload;

    @Column(name = "processed_at")
    private Instant processedAt;

    protected ChangeEvent() {
    }

    private ChangeEvent(UUID organizationId, SubjectType subjectType, UUID subjectId, Location location, String kind,
            String payloadJson) {
        this.organizationId = organizationId;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.location = Objects.requireNonNull(location, "location");
        if (kind == null || !KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind is lower-case words joined by underscores, e.g. rating_changed");
        }
        this.kind = kind;
        this.payload = payloadJson == null || payloadJson.isBlank() ? "{}" : payloadJson.strip();
    }

    /** A change to a place: its organization's event, for the followers of the place's location. */
    public static ChangeEvent aboutPlace(Place place, String kind, String payloadJson) {
        Objects.requireNonNull(place, "place");
        return new ChangeEvent(place.getOrganizationId(), SubjectType.PLACE, place.getId(), place.getLocation(), kind,
                payloadJson);
    }

    /** A change to a shared location, for its followers in every organization. */
    public static ChangeEvent aboutLocation(Location location, String kind, String payloadJson) {
        Objects.requireNonNull(location, "location");
        return new ChangeEvent(null, SubjectType.LOCATION, location.getId(), location, kind, payloadJson);
    }

    /** Empty for an event about a shared location. */
    public Optional<UUID> getOrganizationId() {
        return Optional.ofNullable(organizationId);
    }

    public SubjectType getSubjectType() {
        return subjectType;
    }

    public UUID getSubjectId() {
        return subjectId;
    }

    public Location getLocation() {
        return location;
    }

    public String getKind() {
        return kind;
    }

    public String getPayload() {
        return payload;
    }

    public Optional<Instant> getProcessedAt() {
        return Optional.ofNullable(processedAt);
    }

    public boolean isProcessed() {
        return processedAt != null;
    }

    /** Fanned out; the first time counts. */
    public void processed(Instant at) {
        if (processedAt == null) {
            processedAt = Objects.requireNonNull(at, "at");
        }
    }
}

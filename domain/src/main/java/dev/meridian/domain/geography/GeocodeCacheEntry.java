package dev.meridian.domain.geography;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import dev.meridian.domain.common.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * A geocoding query answered once: its normalized text and the location it found, or none when the geocoder
 * found nothing, so neither a hit nor a miss is asked again. Shared by every tenant; written in platform
 * scope.
 */
@Entity
@Table(name = "geocode_cache")
public class GeocodeCacheEntry extends BaseEntity {

    @Column(name = "normalized_query", nullable = false, updatable = false)
    private String normalizedQuery;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id")
    private Location location;

    @Column(name = "hits", nullable = false)
    private long hits;

    protected GeocodeCacheEntry() {
    }

    /** The answer to a query; {@code location} is {@code null} for a query that found nothing. */
    public GeocodeCacheEntry(String query, Location location) {
        this.normalizedQuery = normalize(query);
        this.location = location;
    }

    /** Lower case, runs of white space as one space, trimmed: the cache's key. */
    public static String normalize(String query) {
        Objects.requireNonNull(query, "query");
        var normalized = query.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        if (normalized.isEmpty() || normalized.length() > 500) {
            throw new IllegalArgumentException("query must be 1 to 500 characters");
        }
        return normalized;
    }

    public String getNormalizedQuery() {
        return normalizedQuery;
    }

    public Optional<Location> getLocation() {
        return Optional.ofNullable(location);
    }

    public long getHits() {
        return hits;
    }

    /** The query was answered from the cache once more. */
    public void hit() {
        hits++;
    }
}

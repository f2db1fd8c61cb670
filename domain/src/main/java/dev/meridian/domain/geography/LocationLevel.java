package dev.meridian.domain.geography;

import java.util.Locale;
import java.util.Optional;

/** The rung of a location in the hierarchy, stored in lower case. */
public enum LocationLevel {
    STATE, COUNTY, LOCALITY;

    /** The level of a location's parent; a state has none. */
    public Optional<LocationLevel> parentLevel() {
        return switch (this) {
            case STATE -> Optional.empty();
            case COUNTY -> Optional.of(STATE);
            case LOCALITY -> Optional.of(COUNTY);
        };
    }

    /** The level of a location's children; a locality has none. */
    public Optional<LocationLevel> childLevel() {
        return switch (this) {
            case STATE -> Optional.of(COUNTY);
            case COUNTY -> Optional.of(LOCALITY);
            case LOCALITY -> Optional.empty();
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static LocationLevel fromCode(String code) {
        try {
            return valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("level must be one of state, county, locality");
        }
    }
}

package dev.meridian.persistence.places;

import java.io.Serializable;

/**
 * What the moderation lists are narrowed to; every part optional: text in the place's name (or the review's
 * comment), a category code, text in the location path (state / county / locality), and a tenant by slug or
 * id.
 */
public record ModerationFilter(String text, String category, String location, String tenant)
        implements
            Serializable {

    public static final ModerationFilter NONE = new ModerationFilter(null, null, null, null);
}

package dev.meridian.domain.tenancy;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** An organization's URL name: lower-case letters, digits and hyphens, 2 to 63 characters. */
public record Slug(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

    public Slug {
        Objects.requireNonNull(value, "slug");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "slug must be 2 to 63 lower-case letters, digits or hyphens, starting with a letter or digit");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

package dev.meridian.domain.tenancy;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/** A login name, unique across the platform: lower-case letters, digits, dots, underscores and hyphens. */
public record Username(String value) {

    private static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

    public Username {
        Objects.requireNonNull(value, "username");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!FORM.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "username must be 2 to 63 lower-case letters, digits, dots, underscores or hyphens");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}

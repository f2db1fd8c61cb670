package dev.meridian.persistence.tenancy;

import java.util.Optional;
import java.util.function.Function;

import dev.meridian.domain.tenancy.Role;
import dev.meridian.domain.tenancy.Slug;
import dev.meridian.domain.tenancy.Username;
import dev.meridian.persistence.problems.InvalidInput;

/** Builds value objects from request input, naming the field when the domain rejects a value. */
public final class Valid {

    static final int MIN_PASSWORD_LENGTH = 12;

    private Valid() {
    }

    /** A password to set: long enough, and nothing else asked of it. */
    static String password(String value) {
        return password("password", value);
    }

    /** The same, for a field of another name. */
    static String password(String field, String value) {
        if (value == null || value.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput(field, field + " must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        return value;
    }

    static Slug slug(String value) {
        return field("slug", value, Slug::new);
    }

    static Username username(String value) {
        return field("username", value, Username::new);
    }

    static Role role(String value) {
        return field("role", value, Role::fromCode);
    }

    /** A slug in a path names a resource: a malformed one names nothing. */
    static Optional<Slug> slugOrNotFound(String value) {
        try {
            return Optional.of(new Slug(value));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    public static <T> T field(String name, String value, Function<String, T> parse) {
        if (value == null) {
            throw new InvalidInput(name, name + " is required");
        }
        try {
            return parse.apply(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(name, e.getMessage());
        }
    }
}

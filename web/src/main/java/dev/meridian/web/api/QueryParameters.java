package dev.meridian.web.api;

import java.util.UUID;

import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;

/**
 * Query and path parameters taken as text and parsed here: JAX-RS answers a query parameter it cannot convert
 * with 404, where a malformed number is the client's mistake (400, naming the parameter), and an id that is
 * not one names nothing (404, as an unknown id does).
 */
public final class QueryParameters {

    private QueryParameters() {
    }

    /** A whole number, or the default when the parameter is absent. */
    public static int integer(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(name, name + " must be a whole number");
        }
    }

    /** A finite decimal number; required. */
    public static double decimal(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInput(name, name + " is required");
        }
        try {
            double number = Double.parseDouble(value.strip());
            if (Double.isFinite(number)) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number that is not finite
        }
        throw new InvalidInput(name, name + " must be a number");
    }

    /** A finite decimal number, or the default when the parameter is absent. */
    public static double decimal(String name, String value, double defaultValue) {
        return value == null || value.isBlank() ? defaultValue : decimal(name, value);
    }

    /** An opaque id of a resource; anything that is not one is not found. */
    public static UUID id(String what, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ResourceNotFound("no " + what + " " + value);
        }
    }
}

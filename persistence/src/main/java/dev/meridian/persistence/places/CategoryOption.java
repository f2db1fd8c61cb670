package dev.meridian.persistence.places;

import java.io.Serializable;

/** A category to choose from in a filter or an edit form. */
public record CategoryOption(String code, String name) implements Serializable {
}

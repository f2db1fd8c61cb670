package dev.meridian.persistence.problems;

import jakarta.ejb.ApplicationException;

/** A value the domain rejects, named by the field it came from. */
@ApplicationException(rollback = true)
public class InvalidInput extends RuntimeException {

    private final String field;

    public InvalidInput(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}

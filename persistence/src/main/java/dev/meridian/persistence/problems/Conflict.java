package dev.meridian.persistence.problems;

import jakarta.ejb.ApplicationException;

/** The request clashes with what exists, such as a username or slug already taken. */
@ApplicationException(rollback = true)
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}

package dev.meridian.persistence.problems;

import jakarta.ejb.ApplicationException;

/** Nothing is there, or it belongs to another tenant: both answer the same, so existence never leaks. */
@ApplicationException(rollback = true)
public class ResourceNotFound extends RuntimeException {

    public ResourceNotFound(String message) {
        super(message);
    }
}

package dev.meridian.persistence.problems;

import jakarta.ejb.ApplicationException;

/** The caller is known but may not do this. */
@ApplicationException(rollback = true)
public class AccessDenied extends RuntimeException {

    public AccessDenied(String message) {
        super(message);
    }
}

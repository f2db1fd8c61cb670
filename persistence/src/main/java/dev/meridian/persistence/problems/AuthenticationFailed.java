package dev.meridian.persistence.problems;

import jakarta.ejb.ApplicationException;

/** No valid credentials: unknown user, wrong password, or an unknown, revoked or expired key. */
@ApplicationException(rollback = true)
public class AuthenticationFailed extends RuntimeException {

    public AuthenticationFailed(String message) {
        super(message);
    }
}

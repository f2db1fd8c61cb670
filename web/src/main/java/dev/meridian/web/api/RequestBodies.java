package dev.meridian.web.api;

import dev.meridian.persistence.problems.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Checks a request body's Bean Validation constraints. Resources call it instead of annotating the body
 * parameter with {@code @Valid}, and request bodies are classes with constrained fields rather than records:
 * Payara 6.2025.9 cannot build the OpenAPI document when any resource or constructor parameter carries a
 * constraint, and a record's components are constructor parameters (payara/Payara#7649).
 */
@ApplicationScoped
public class RequestBodies {

    @Inject
    Validator validator;

    public <T> T valid(T body) {
        if (body == null) {
            throw new InvalidInput("body", "a JSON body is required");
        }
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}

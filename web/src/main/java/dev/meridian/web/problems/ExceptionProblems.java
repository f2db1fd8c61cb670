package dev.meridian.web.problems;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.meridian.persistence.problems.AccessDenied;
import dev.meridian.persistence.problems.AuthenticationFailed;
import dev.meridian.persistence.problems.Conflict;
import dev.meridian.persistence.problems.InvalidInput;
import dev.meridian.persistence.problems.ResourceNotFound;
import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps what use cases report, and malformed JSON, to their statuses; anything unexpected is a 500 whose
 * detail says nothing of the cause, which goes to the server log instead.
 */
@Provider
public class ExceptionProblems implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ExceptionProblems.class.getName());

    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof AuthenticationFailed failed) {
            var response = Problem.response(Status.UNAUTHORIZED, failed.getMessage());
            response.getHeaders().add(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"meridian\"");
            return response;
        }
        if (exception instanceof AccessDenied denied) {
            return Problem.response(Status.FORBIDDEN, denied.getMessage());
        }
        if (exception instanceof ResourceNotFound notFound) {
            return Problem.response(Status.NOT_FOUND, notFound.getMessage());
        }
        if (exception instanceof Conflict conflict) {
            return Problem.response(Status.CONFLICT, conflict.getMessage());
        }
        if (exception instanceof InvalidInput invalid) {
            return Problem.response(Status.BAD_REQUEST, "the request has invalid fields",
                    List.of(new Problem.FieldError(invalid.field(), invalid.getMessage())));
        }
        if (isMalformedJson(exception)) {
            return Problem.response(Status.BAD_REQUEST, "the body is not valid JSON for this request");
        }
        LOG.log(Level.SEVERE, "unexpected failure", exception);
        return Problem.response(Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred");
    }

    private static boolean isMalformedJson(Throwable exception) {
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonbException || cause instanceof JsonException) {
                return true;
            }
        }
        return false;
    }
}

package dev.meridian.web.problems;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
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
 * Maps what use cases report, and unreadable bodies (too large, malformed JSON, wrong types), to their
 * statuses; anything unexpected is a 500 whose detail says nothing of the cause, which goes to the server log
 * instead.
 */
@Provider
public class ExceptionProblems implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(ExceptionProblems.class.getName());
    private static final Pattern PROPERTY = Pattern.compile("property '([A-Za-z0-9_]+)'");

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
        var unreadable = unreadableBody(exception);
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        LOG.log(Level.SEVERE, "unexpected failure", exception);
        return Problem.response(Status.INTERNAL_SERVER_ERROR, "an unexpected error occurred");
    }

    /**
     * A body that could not be read, whichever wrapper the container put around the reason: too large (413), not
     * JSON, or JSON whose value does not fit a field's type (400, naming the field when the binding says which).
     */
    static Optional<Response> unreadableBody(Throwable exception) {
        Throwable json = null;
        for (var cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof BodyTooLarge tooLarge) {
                return Optional.of(tooLarge.toResponse());
            }
            if (json == null && (cause instanceof JsonbException || cause instanceof JsonException)) {
                json = cause;
            }
        }
        if (json == null) {
            return Optional.empty();
        }
        return Optional.of(field(json)
                .map(field -> Problem.response(Status.BAD_REQUEST, "the request has invalid fields",
                        List.of(new Problem.FieldError(field, field + " has the wrong type"))))
                .orElseGet(() -> Problem.response(Status.BAD_REQUEST, "the body is not valid JSON for this request")));
    }

    /** The property JSON-B could not bind, from its message: "Unable to deserialize property 'name' ...". */
    private static Optional<String> field(Throwable json) {
        for (var cause = json; cause != null; cause = cause.getCause()) {
            var matcher = PROPERTY.matcher(String.valueOf(cause.getMessage()));
            if (matcher.find()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}

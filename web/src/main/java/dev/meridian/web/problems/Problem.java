package dev.meridian.web.problems;

import java.util.List;

import jakarta.ws.rs.core.Response;

/**
 * An RFC 9457 problem detail. {@code errors} lists field-level failures of a validation problem and is
 * omitted otherwise.
 */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One rejected field and why. */
    public record FieldError(String field, String message) {
    }

    public static Response response(Response.StatusType status, String detail) {
        return response(status, detail, null);
    }

    public static Response response(Response.StatusType status, String detail, List<FieldError> errors) {
        var problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
        return Response.status(status).type(MEDIA_TYPE).entity(problem).build();
    }
}

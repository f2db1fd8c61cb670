package dev.meridian.web.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Unknown routes, wrong methods and media types, and other JAX-RS refusals, as problem+json with their
 * status.
 */
@Provider
public class WebApplicationProblems implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        // the container may wrap a body it could not read (too large, not JSON) in a refusal of its own
        var unreadable = ExceptionProblems.unreadableBody(exception);
        if (unreadable.isPresent()) {
            return unreadable.get();
        }
        var original = exception.getResponse();
        var status = original.getStatusInfo();
        var detail = status.getStatusCode() == 404
                ? "no such resource"
                : status.getStatusCode() >= 500 ? "an unexpected error occurred" : exception.getMessage();
        var response = Problem.response(status, detail);
        // keep what the refusal tells the client, such as Allow on a 405
        original.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                response.getHeaders().addAll(name, values);
            }
        });
        return response;
    }
}

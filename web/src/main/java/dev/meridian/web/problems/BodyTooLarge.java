package dev.meridian.web.problems;

import java.io.IOException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

/**
 * A request body longer than the limit, found while it was being read. An {@link IOException}, so it passes
 * through JSON parsers as the stream's failure (they keep it as the cause) and still answers 413.
 */
public class BodyTooLarge extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLarge(long limit) {
        super("the body is larger than " + limit + " bytes");
    }

    /**
     * 413 as problem+json, closing the connection: the rest of the body is never read (however long it claims to
     * be), so the connection cannot carry another request, and a client still sending learns at once.
     */
    public Response toResponse() {
        var response = Problem.response(Status.REQUEST_ENTITY_TOO_LARGE, getMessage());
        response.getHeaders().putSingle("Connection", "close");
        return response;
    }
}

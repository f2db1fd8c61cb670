package dev.meridian.web.api;

import java.util.List;
import java.util.function.Function;

import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * One page of a keyset-paged list: its items and the cursor of the next page, {@code null} on the last. The
 * response also links the next page ({@code Link: <...>; rel="next"}), the same request with that cursor.
 */
public record CursorPage<T>(List<T> items, @JsonbNillable String nextCursor) {

    public static final String CURSOR_PARAMETER = "cursor";

    public CursorPage {
        items = List.copyOf(items);
    }

    /**
     * The page of a list read with one row more than its limit: that row, when there, says a next page exists,
     * which starts after the last row shown.
     */
    public static <E, T> CursorPage<T> of(List<E> fetched, int limit, Function<E, T> view,
            Function<E, Cursor> position) {
        var shown = fetched.subList(0, Math.min(limit, fetched.size()));
        var next = fetched.size() > limit ? position.apply(shown.get(shown.size() - 1)).encode() : null;
        return new CursorPage<>(shown.stream().map(view).toList(), next);
    }

    public Response toResponse(UriInfo uri) {
        var response = Response.ok(this);
        if (nextCursor != null) {
            response.links(Link.fromUri(uri.getRequestUriBuilder().replaceQueryParam(CURSOR_PARAMETER, nextCursor)
                    .build()).rel("next").build());
        }
        return response.build();
    }
}

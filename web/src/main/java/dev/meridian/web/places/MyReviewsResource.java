package dev.meridian.web.places;

import dev.meridian.persistence.places.ReviewService;
import dev.meridian.web.api.CursorPage;
import dev.meridian.web.api.Limit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The caller's own reviews, newest first, a page at a time: one indexed statement per page. */
@Path("me/reviews")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class MyReviewsResource {

    @Inject
    ReviewService reviews;

    @GET
    public Response mine(@QueryParam("limit") String limit, @QueryParam(CursorPage.CURSOR_PARAMETER) String cursor,
            @Context UriInfo uri) {
        int pageSize = Limit.parse(limit);
        return CursorPage.of(reviews.mine(ReviewCursors.after(cursor), pageSize + 1), pageSize,
                Views.ReviewView::of, ReviewCursors::position).toResponse(uri);
    }
}

package dev.meridian.web.problems;

import java.io.IOException;

/**
 * A request body longer than the limit, found while it was being read. An {@link IOException}, so it passes
 * through JSON parsers as the stream's failure (they keep it as the cause) and still answers 413.
 */
public class BodyTooLarge extends IOException {

    private static final long serialVersionUID = 1L;

    public BodyTooLarge(long limit) {
        super("the body is larger than " + limit + " bytes");
    }
}

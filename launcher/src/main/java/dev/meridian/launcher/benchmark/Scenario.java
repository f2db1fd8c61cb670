package dev.meridian.launcher.benchmark;

import java.util.List;

/**
 * One measured route: the API requests the clients send (paths under the base URI, picked at random), and the
 * pgbench scripts that run the same SQL transaction the application runs for such a request, context settings
 * included.
 */
record Scenario(String name, String target, List<String> paths, List<String> scripts) {

    /** The letter issue 4 gives the route, which its name starts with: a in "(a) GET /me/reviews". */
    char letter() {
        return name.charAt(1);
    }
}

package dev.meridian.web.api;

import java.lang.reflect.Method;
import java.util.regex.Pattern;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.Path;

/**
 * The route a resource method answers, as a template from the server root ({@code /api/v1/keys/{id}}): what
 * the usage log records instead of the raw path, which would carry ids and grow without bound.
 */
final class RouteTemplate {

    private static final String ROOT = "/" + strip(ApiApplication.class.getAnnotation(ApplicationPath.class).value());
    // {id: [0-9]+} -> {id}
    private static final Pattern REGEX = Pattern.compile("\\{\\s*([^:}\\s]+)\\s*:[^}]*}");

    private RouteTemplate() {
    }

    static String of(Class<?> resource, Method method) {
        return ROOT + part(pathOf(resource)) + part(method.getAnnotation(Path.class));
    }

    // a container may hand over a subclass (a proxy) of the annotated class
    private static Path pathOf(Class<?> resource) {
        for (var type = resource; type != null; type = type.getSuperclass()) {
            var path = type.getAnnotation(Path.class);
            if (path != null) {
                return path;
            }
        }
        return null;
    }

    private static String part(Path path) {
        if (path == null) {
            return "";
        }
        var value = strip(REGEX.matcher(path.value()).replaceAll("{$1}"));
        return value.isEmpty() ? "" : "/" + value;
    }

    private static String strip(String path) {
        return path.replaceAll("^/+|/+$", "");
    }
}

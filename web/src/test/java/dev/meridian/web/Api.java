package dev.meridian.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A client of the deployed API over plain HTTP, as any other client sees it: JSON in, status, headers and
 * JSON out. Paths are relative to {@code /api/v1/}, or absolute from the server root (health).
 */
final class Api {

    static final String JSON = "application/json";
    static final String PROBLEM = "application/problem+json";

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final URI api;

    Api(URL deployment) {
        try {
            this.api = deployment.toURI().resolve("api/v1/");
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(deployment.toString(), e);
        }
    }

    /** One HTTP answer. */
    record Reply(int status, HttpResponse<String> response) {

        String body() {
            return response.body();
        }

        Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        String contentType() {
            return header("Content-Type").orElse("");
        }

        /** The SQL statements the server says it sent for the request (Server-Timing, on in the tests). */
        int statements() {
            var timing = header("Server-Timing").orElseThrow(() -> new AssertionError("no Server-Timing: " + this));
            var matcher = Pattern.compile("db;desc=\"(\\d+) statements\"").matcher(timing);
            assertTrue(matcher.find(), timing);
            return Integer.parseInt(matcher.group(1));
        }

        JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.readObject();
            }
        }

        /** Asserts an RFC 9457 problem with this status and returns it. */
        JsonObject problem(int expected) {
            assertEquals(expected, status, () -> "status of " + this);
            assertEquals(PROBLEM, contentType().split(";")[0].strip(), () -> "media type of " + this);
            var problem = json();
            assertEquals(expected, problem.getInt("status"), () -> "problem status of " + this);
            return problem;
        }

        @Override
        public String toString() {
            return response.request().method() + " " + response.request().uri() + " -> " + status + " "
                    + response.headers().map() + " " + body();
        }
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Reply get(String path, String authorization) {
        return send("GET", path, authorization, null);
    }

    Reply post(String path, String authorization, JsonObject body) {
        return send("POST", path, authorization, body.toString());
    }

    Reply delete(String path, String authorization) {
        return send("DELETE", path, authorization, null);
    }

    /**
     * Any method with an optional authorization and a raw body; a null body sends none, but still says the
     * request is JSON.
     */
    Reply send(String method, String path, String authorization, String body) {
        return send(method, path, authorization, body, JSON);
    }

    /** The same with the body's media type, such as {@code application/merge-patch+json}. */
    Reply send(String method, String path, String authorization, String body, String contentType) {
        var request = HttpRequest.newBuilder(api.resolve(path))
                .timeout(TIMEOUT)
                .header("Accept", JSON + ", " + PROBLEM)
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (body != null || method.equals("POST") || method.equals("PUT")) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A new API key for a user, by username and password (HTTP Basic): the only way to get a first key. */
    JsonObject issueKey(String username, String password) {
        var reply = post("keys", basic(username, password), Json.createObjectBuilder().add("name", "test").build());
        assertEquals(201, reply.status(), () -> "key for " + username + ": " + reply);
        return reply.json();
    }
}

package dev.meridian.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Meridian's JSON API over java.net.http, for the end-to-end test. */
final class ApiClient {

    /** A response with its body parsed when it is JSON (including problem+json). */
    record Response(int status, String contentType, JsonValue body, HttpHeaders headers) {

        JsonObject json() {
            return body.asJsonObject();
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;

    ApiClient(URI base) {
        this.base = base;
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String key) {
        return "Bearer " + key;
    }

    Response get(String path, String authorization) throws IOException, InterruptedException {
        return send(request(path, authorization).GET());
    }

    Response post(String path, String authorization, JsonObject body) throws IOException, InterruptedException {
        return send(request(path, authorization)
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body.toString())));
    }

    /** A new API key of the authorized user (HTTP Basic), named so; the answer holds its once-shown secret. */
    JsonObject issueKey(String authorization, String name) throws IOException, InterruptedException {
        var response = post("/api/v1/keys", authorization, Json.createObjectBuilder().add("name", name).build());
        assertEquals(201, response.status(), () -> "create key: " + response.body());
        return response.json();
    }

    Response delete(String path, String authorization) throws IOException, InterruptedException {
        return send(request(path, authorization).DELETE());
    }

    private HttpRequest.Builder request(String path, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, application/problem+json");
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    private Response send(HttpRequest.Builder request) throws IOException, InterruptedException {
        var response = client.send(request.build(), BodyHandlers.ofString());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        JsonValue body = contentType.contains("json") && !response.body().isBlank()
                ? Json.createReader(new StringReader(response.body())).readValue()
                : JsonValue.NULL;
        return new Response(response.statusCode(), contentType, body, response.headers());
    }
}

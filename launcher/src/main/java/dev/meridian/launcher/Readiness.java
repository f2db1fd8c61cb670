package dev.meridian.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls MicroProfile Health's {@code /health/ready}: 200 once the application and its database are up. */
final class Readiness {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI uri;

    Readiness(URI baseUri) {
        this.uri = baseUri.resolve("/health/ready");
    }

    /**
     * @param cancelled
     *            ends the wait early, e.g. when the launcher is being stopped
     * @return whether the application became ready in time
     */
    boolean await(Duration timeout, BooleanSupplier cancelled) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !cancelled.getAsBoolean()) {
            if (isReady()) {
                return true;
            }
            Thread.sleep(INTERVAL.toMillis());
        }
        return false;
    }

    private boolean isReady() throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build();
        try {
            return client.send(request, BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notListeningYet) {
            return false;
        }
    }
}

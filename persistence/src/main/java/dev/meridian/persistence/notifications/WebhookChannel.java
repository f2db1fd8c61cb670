package dev.meridian.persistence.notifications;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

import dev.meridian.domain.tenancy.Organization.Webhook;
import jakarta.json.JsonObject;
import jakarta.json.spi.JsonProvider;

/**
 * Posts a notification as JSON to the organization's webhook, signed ({@link WebhookSignature}). A 2xx answer
 * is delivered; anything else, a timeout or a refused connection is retried. Nothing is posted to an address
 * {@link WebhookTargets} forbids, and redirects are not followed: the configured URL is the one that is
 * trusted with the payload, and the one whose addresses were checked.
 */
final class WebhookChannel {

    /** Looked up once: each {@code Json.create...} call would scan the class path for a provider. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static final String DELIVERY_HEADER = "Meridian-Delivery";

    private final HttpClient http;
    private final Duration timeout;
    private final WebhookTargets targets;
    private final Clock clock;

    WebhookChannel(NotificationSettings settings, Clock clock) {
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.webhookConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.timeout = settings.webhookTimeout();
        this.targets = new WebhookTargets(settings.webhookPrivateAddresses());
        this.clock = clock;
    }

    Outcome deliver(Webhook webhook, Notice notice) {
        URI target;
        try {
            target = URI.create(webhook.url());
        } catch (IllegalArgumentException e) {
            return Outcome.giveUp("webhook URL is not a URI: " + e.getMessage());
        }
        try {
            var refusal = targets.refusal(target);
            if (refusal.isPresent()) {
                return Outcome.giveUp("not posted: " + refusal.get());
            }
        } catch (UnknownHostException e) {
            return Outcome.retry("UnknownHostException: " + e.getMessage());
        }
        var body = payload(notice).toString();
        var request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Meridian-Webhook/1")
                .header(DELIVERY_HEADER, notice.notificationId().toString())
                .header(WebhookSignature.HEADER,
                        WebhookSignature.header(webhook.secret(), clock.instant().getEpochSecond(), body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return Outcome.delivered(null);
            }
            return Outcome.retry("HTTP " + response.statusCode() + excerpt(response.body()));
        } catch (HttpTimeoutException e) {
            return Outcome.retry("timed out after " + timeout.toSeconds() + " s: " + e.getMessage());
        } catch (IOException e) {
            return Outcome.retry(e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
    }

    /** The JSON a receiver gets; the event's own payload is embedded as it was recorded. */
    static JsonObject payload(Notice notice) {
        JsonObject details;
        try (var reader = JSON.createReader(new StringReader(notice.payloadJson()))) {
            details = reader.readObject();
        }
        return JSON.createObjectBuilder()
                .add("id", notice.notificationId().toString())
                .add("attempt", notice.attempt())
                .add("organization", JSON.createObjectBuilder()
                        .add("id", notice.organizationId().toString())
                        .add("slug", notice.organizationSlug()))
                .add("user", JSON.createObjectBuilder()
                        .add("id", notice.userId().toString())
                        .add("username", notice.username()))
                .add("event", JSON.createObjectBuilder()
                        .add("id", notice.eventId().toString())
                        .add("kind", notice.kind())
                        .add("subjectType", notice.subjectType())
                        .add("subjectId", notice.subjectId().toString())
                        .add("locationId", notice.locationId().toString())
                        .add("locationName", notice.locationName())
                        .add("occurredAt", notice.occurredAt().toString())
                        .add("details", details))
                .build();
    }

    private static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        var text = body.strip();
        return ": " + (text.length() <= 200 ? text : text.substring(0, 200) + "…");
    }
}

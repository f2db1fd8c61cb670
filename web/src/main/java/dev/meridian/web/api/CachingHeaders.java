package dev.meridian.web.api;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.Providers;

/**
 * Caching for every API response, for every resource at once. A successful GET gets a strong {@code ETag}
 * from the SHA-256 of its body and answers {@code If-None-Match} with 304 and no body; it may be kept by the
 * client only ({@code private}) and must be revalidated ({@code no-cache}). Anything else is
 * {@code no-store}: errors, and writes, whose answers may carry a once-shown secret. Answers depend on the
 * caller, hence {@code Vary: Authorization}.
 */
@Provider
@Priority(Priorities.HEADER_DECORATOR)
public class CachingHeaders implements ContainerResponseFilter {

    @Context
    Providers providers;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        var headers = response.getHeaders();
        headers.add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        var method = request.getMethod();
        boolean revalidated = (method.equals(HttpMethod.GET) || method.equals(HttpMethod.HEAD))
                && response.getStatus() == Status.OK.getStatusCode() && response.hasEntity() && isBuffered(response);
        if (!revalidated) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-store");
            return;
        }
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        var body = serialize(response);
        var tag = "\"" + digest(body) + "\"";
        headers.putSingle(HttpHeaders.ETAG, tag);
        if (matches(request.getHeaderString(HttpHeaders.IF_NONE_MATCH), tag)) {
            response.setStatus(Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
        } else {
            // written once: Jersey sends these bytes instead of serializing the entity again
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
    }

    // streams are sent as they come, never buffered to be hashed
    private static boolean isBuffered(ContainerResponseContext response) {
        var entity = response.getEntity();
        return !(entity instanceof StreamingOutput || entity instanceof InputStream || entity instanceof File);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private byte[] serialize(ContainerResponseContext response) throws IOException {
        MessageBodyWriter writer = providers.getMessageBodyWriter(response.getEntityClass(),
                response.getEntityType(), response.getEntityAnnotations(), response.getMediaType());
        if (writer == null) {
            throw new IOException("no writer for " + response.getEntityClass() + " as " + response.getMediaType());
        }
        var body = new ByteArrayOutputStream();
        writer.writeTo(response.getEntity(), response.getEntityClass(), response.getEntityType(),
                response.getEntityAnnotations(), response.getMediaType(), response.getHeaders(), body);
        return body.toByteArray();
    }

    private static String digest(byte[] body) {
        try {
            var hash = MessageDigest.getInstance("SHA-256").digest(body);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 18));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    /** If-None-Match compares weakly (RFC 9110 13.1.2): W/"x" matches "x"; * matches anything. */
    private static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (var candidate : ifNoneMatch.split(",")) {
            var value = candidate.strip();
            if (value.equals("*") || (value.startsWith("W/") ? value.substring(2) : value).equals(tag)) {
                return true;
            }
        }
        return false;
    }
}

package dev.meridian.web.api;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.eclipse.microprofile.config.ConfigProvider;

import dev.meridian.web.problems.BodyTooLarge;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Request bodies are at most {@code MERIDIAN_MAX_BODY_BYTES} (1 MiB by default), answered 413 otherwise. A
 * declared {@code Content-Length} over the limit is refused before anything is read or authenticated; a body
 * without one (chunked) is read through a counting stream that fails as soon as it passes the limit, so no
 * oversized body is ever held in memory.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 400)
public class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    private final long limit = ConfigProvider.getConfig(BodyLimit.class.getClassLoader())
            .getOptionalValue("MERIDIAN_MAX_BODY_BYTES", Long.class)
            .orElse(1024L * 1024);

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > limit) {
            request.abortWith(new BodyTooLarge(limit).toResponse());
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Bounded(context.getInputStream(), limit));
        return context.proceed();
    }

    /** Fails on the first byte past the limit. */
    private static final class Bounded extends FilterInputStream {

        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            count(skipped);
            return skipped;
        }

        private void count(long n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                throw new BodyTooLarge(limit);
            }
        }
    }
}

package dev.meridian.admin.security;

import java.io.IOException;
import java.io.UncheckedIOException;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;

/**
 * Answers a form posted from a view the server no longer holds (its session ended, or it was pushed out by
 * newer views) with a fresh start instead of an error page: a redirect to the portal's landing page, which
 * shows the login page (with "your session ended", see {@link SessionEnd}) when nobody is signed in any more.
 * JSF sends the redirect as a partial response to an ajax request, which PrimeFaces follows.
 */
public class ViewExpiry extends ExceptionHandlerFactory {

    public ViewExpiry(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() {
            var events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                if (expired(events.next())) {
                    events.remove();
                    restart(FacesContext.getCurrentInstance());
                }
            }
            super.handle();
        }

        private static boolean expired(ExceptionQueuedEvent event) {
            for (Throwable cause = event.getContext().getException(); cause != null; cause = cause.getCause()) {
                if (cause instanceof ViewExpiredException) {
                    return true;
                }
            }
            return false;
        }

        private static void restart(FacesContext faces) {
            if (faces.getResponseComplete()) {
                return;
            }
            var external = faces.getExternalContext();
            try {
                external.redirect(external.getRequestContextPath() + "/");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            faces.responseComplete();
        }
    }
}

package org.ctoforum.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form sent after its view is gone (the session ended, or a forged post with a made-up view state) is answered
 * with a redirect to its page, where a message says that nothing was sent. The container's error page cannot do it:
 * its dispatch still carries the view state, so it counts as a postback, and PrimeFaces' CSP check then fails for
 * want of a nonce, a bare 500.
 */
public final class ExpiredForms extends ExceptionHandlerWrapper {

    static final String MESSAGE = "This page was open too long, so what you sent was not saved. Repeat what you did.";
    private static final Logger LOG = Logger.getLogger(ExpiredForms.class.getName());

    /** Registered in faces-config.xml. */
    public static final class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ExpiredForms(getWrapped().getExceptionHandler());
        }
    }

    private ExpiredForms(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ExceptionQueuedEvent event = events.next();
            if (expired(event.getContext().getException())) {
                events.remove();
                backToThePage(event.getContext().getContext());
            }
        }
        getWrapped().handle();
    }

    private static boolean expired(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    private static void backToThePage(FacesContext context) {
        if (context.getResponseComplete()) {
            return;
        }
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String page =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        LOG.info(() -> "A form was sent to " + request.getRequestURI() + " after its view had expired; redirected"
                + " back to the page");
        context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, MESSAGE, null));
        external.getFlash().setKeepMessages(true);
        try {
            external.redirect(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }
}

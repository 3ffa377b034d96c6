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
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form whose view cannot be restored. One sent after its view is gone (the session ended, or a forged post with a
 * made-up view state) is answered with a redirect to its page, where a message says that nothing was sent. One
 * posted to a page that does not exist gets the 404 page, as a GET would. Both used to end in a 500.
 */
public final class UnrestorableForms extends ExceptionHandlerWrapper {

    static final String MESSAGE = "This page was open too long, so what you sent was not saved. Repeat what you did.";
    private static final Logger LOG = Logger.getLogger(UnrestorableForms.class.getName());

    /** Registered in faces-config.xml. */
    public static final class Factory extends ExceptionHandlerFactory {
        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new UnrestorableForms(getWrapped().getExceptionHandler());
        }
    }

    private UnrestorableForms(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> events =
                getUnhandledExceptionQueuedEvents().iterator();
        while (events.hasNext()) {
            ExceptionQueuedEvent event = events.next();
            Throwable exception = event.getContext().getException();
            if (causedBy(exception, ViewExpiredException.class)) {
                events.remove();
                backToThePage(event.getContext().getContext());
            } else if (causedBy(exception, FileNotFoundException.class)) {
                events.remove();
                notFound(event.getContext().getContext());
            }
        }
        getWrapped().handle();
    }

    private static boolean causedBy(Throwable exception, Class<? extends Throwable> kind) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Mojarra finds no such page only when it restores a view: a postback. A GET gets its 404 elsewhere. */
    private static void notFound(FacesContext context) {
        if (context.getResponseComplete()) {
            return;
        }
        try {
            context.getExternalContext().responseSendError(404, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        context.responseComplete();
    }

    private static void backToThePage(FacesContext context) {
        if (context.getResponseComplete()) {
            return;
        }
        ExternalContext external = context.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        // One leading slash: "//host/page.xhtml" would send the browser to another site.
        String path = request.getRequestURI().replaceFirst("^[/\\\\]+", "/");
        String page = path + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
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

package org.ctoforum.platform.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.ctoforum.platform.problem.ProblemException;

/** Messages on pages, and boundary problems turned into them, for every feature's view beans. */
public final class PageMessages {

    public static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    public static void warn(String text) {
        add(FacesMessage.SEVERITY_WARN, text);
    }

    public static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    /** Runs a boundary call, showing a problem as a message on the page; answers whether it succeeded. */
    public static boolean attempt(Runnable call) {
        try {
            call.run();
            return true;
        } catch (ProblemException problem) {
            error(problem.detail());
            return false;
        }
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    private PageMessages() {}
}

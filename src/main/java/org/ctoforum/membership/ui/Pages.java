package org.ctoforum.membership.ui;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.ctoforum.platform.problem.ProblemException;

/** Small helpers the membership pages share for messages and failures. */
final class Pages {

    static void info(String summary) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, summary, null));
    }

    static void error(String summary) {
        FacesContext.getCurrentInstance()
                .addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, summary, null));
    }

    /** Runs a boundary call, turning a problem into a message on the page; answers whether it succeeded. */
    static boolean attempt(Runnable call) {
        try {
            call.run();
            return true;
        } catch (ProblemException problem) {
            error(problem.detail());
            return false;
        }
    }

    /** Only paths on this site: never another host, so a crafted sign-in link cannot send anyone away. */
    static String safeLocalPath(String next) {
        if (next == null
                || !next.startsWith("/")
                || next.startsWith("//")
                || next.contains("\\")
                || next.contains("\n")) {
            return "/index.xhtml";
        }
        return next;
    }

    private Pages() {}
}

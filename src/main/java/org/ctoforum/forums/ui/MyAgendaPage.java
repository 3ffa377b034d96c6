package org.ctoforum.forums.ui;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ctoforum.forums.boundary.Agendas;
import org.ctoforum.platform.web.PageMessages;

/** "My agenda": the picked sessions with overlaps flagged, the .ics download and the subscribable address. */
@Named
@ViewScoped
public class MyAgendaPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Agendas agendas;

    private List<Agendas.Entry> entries;
    private String feedUrl;

    @PostConstruct
    void load() {
        entries = agendas.mine();
        feedUrl = agendas.currentFeed().map(Agendas.FeedAddress::url).orElse(null);
    }

    public void remove(long sessionId) {
        if (PageMessages.attempt(() -> agendas.unpick(sessionId))) {
            PageMessages.info("Removed from your agenda.");
            entries = agendas.mine();
        }
    }

    /** The button says that a new address replaces the one shown, so pressing it is the member's consent. */
    public void newFeed() {
        if (PageMessages.attempt(() -> feedUrl = agendas.newFeed(true).url())) {
            PageMessages.info("Your new calendar address is below; any earlier one no longer works.");
        }
    }

    public void revokeFeed() {
        if (PageMessages.attempt(() -> agendas.revokeFeed())) {
            feedUrl = null;
            PageMessages.info("Your calendar address is turned off.");
        }
    }

    public List<Agendas.Entry> getEntries() {
        return entries;
    }

    public String getFeedUrl() {
        return feedUrl;
    }

    public String getWebcalUrl() {
        return feedUrl == null ? null : feedUrl.replaceFirst("^https?://", "webcal://");
    }
}

package org.ctoforum.platform.web;

import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import java.time.Instant;
import java.util.List;

/** What the portal's Atom feeds share. */
public final class AtomFeeds {

    /** When this portal started: the updated of a feed with nothing in it yet, never 1970. */
    public static final Instant PORTAL_STARTED = Instant.now();

    /**
     * A feed's links (RFC 4287 §4.2.7): the page it follows, and itself by its absolute address, so a reader that
     * was handed the feed's content knows where to fetch it again.
     */
    public static List<SyndLink> links(String page, String self) {
        return List.of(link("alternate", "text/html", page), link("self", "application/atom+xml", self));
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLinkImpl link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private AtomFeeds() {}
}

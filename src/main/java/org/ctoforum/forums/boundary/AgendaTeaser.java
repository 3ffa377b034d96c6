package org.ctoforum.forums.boundary;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** A session on a member's agenda, in a short list such as the home page's; times carry the edition's offset. */
public record AgendaTeaser(
        long sessionId,
        long editionId,
        String editionTitle,
        String title,
        OffsetDateTime start,
        OffsetDateTime end,
        String room,
        boolean cancelled)
        implements Serializable {

    public String url() {
        return "/forums/edition.xhtml?id=" + editionId + "#session-" + sessionId;
    }
}

package org.ctoforum.forums.boundary;

import java.io.Serializable;
import java.time.LocalDate;

/** A full edition with people on its waitlist, for staff deciding whether to add places. */
public record WaitlistTeaser(
        long editionId, String editionTitle, LocalDate startDate, int capacity, long registered, long waitlisted)
        implements Serializable {

    public String url() {
        return "/admin/edition.xhtml?id=" + editionId;
    }
}

package org.ctoforum.forums.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ctoforum.forums.boundary.EditionView;
import org.ctoforum.forums.boundary.Editions;

/** The list of forum editions, upcoming first; also the home page's "next forum". */
@Named
@RequestScoped
public class ForumsPage {

    @Inject
    Editions editions;

    @Inject
    Clock clock;

    private List<EditionView> upcoming;
    private List<EditionView> past;
    private Optional<EditionView> next;

    /** Read once per request, and only by the pages that show the lists. */
    private void loadLists() {
        if (upcoming != null) {
            return;
        }
        List<EditionView> all = editions.list();
        LocalDate today = LocalDate.now(clock);
        upcoming = all.stream()
                .filter(e -> !e.endDate().isBefore(today))
                .sorted(Comparator.comparing(EditionView::startDate))
                .toList();
        past = all.stream().filter(e -> e.endDate().isBefore(today)).toList();
    }

    public List<EditionView> getUpcoming() {
        loadLists();
        return upcoming;
    }

    public List<EditionView> getPast() {
        loadLists();
        return past;
    }

    /** The home page asks for this several times while rendering; the query runs once. */
    public EditionView getNext() {
        if (next == null) {
            next = editions.next();
        }
        return next.orElse(null);
    }
}

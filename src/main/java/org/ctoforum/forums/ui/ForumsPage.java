package org.ctoforum.forums.ui;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
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

    private List<EditionView> upcoming;
    private List<EditionView> past;

    @PostConstruct
    void load() {
        List<EditionView> all = editions.list();
        LocalDate today = LocalDate.now();
        upcoming = all.stream()
                .filter(e -> !e.endDate().isBefore(today))
                .sorted((a, b) -> a.startDate().compareTo(b.startDate()))
                .toList();
        past = all.stream().filter(e -> e.endDate().isBefore(today)).toList();
    }

    public List<EditionView> getUpcoming() {
        return upcoming;
    }

    public List<EditionView> getPast() {
        return past;
    }

    public EditionView getNext() {
        Optional<EditionView> next = editions.next();
        return next.orElse(null);
    }
}

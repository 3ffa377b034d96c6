package org.ctoforum.home.ui;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.ctoforum.home.boundary.Home;
import org.ctoforum.home.boundary.HomeView;

/** The home page: its cards, read once per request. */
@Named
@RequestScoped
public class HomePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.US);
    private static final DateTimeFormatter SESSION = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a", Locale.US);

    @Inject
    Home home;

    private HomeView view;

    public HomeView getView() {
        if (view == null) {
            view = home.forCaller();
        }
        return view;
    }

    public String day(OffsetDateTime at) {
        return at == null ? "" : DAY.format(at);
    }

    /** A session's start in its edition's own time, as the agenda shows it. */
    public String sessionStart(OffsetDateTime at) {
        return SESSION.format(at);
    }
}

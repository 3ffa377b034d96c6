package org.ctoforum.home.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.ctoforum.discussions.boundary.Moderation;
import org.ctoforum.discussions.boundary.Moderation.WaitingPost;
import org.ctoforum.discussions.boundary.ThreadLists;
import org.ctoforum.forums.boundary.Agendas;
import org.ctoforum.forums.boundary.Editions;
import org.ctoforum.forums.boundary.Registrations;
import org.ctoforum.library.boundary.Library;
import org.ctoforum.notifications.boundary.Notifications;
import org.ctoforum.notifications.boundary.Notifications.NotificationView;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.web.Backlog;
import org.ctoforum.reports.boundary.AccessRequests;
import org.ctoforum.reports.boundary.AccessRequests.RequestView;
import org.ctoforum.reports.boundary.Reports;
import org.ctoforum.surveys.boundary.Responses;

/** Assembles the home page from each feature's short lists, in one transaction, a query or two per card. */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Home {

    /** How many lines a card shows; its "see all" link leads to the rest. */
    static final int CARD_LINES = 5;

    @Inject
    Editions editions;

    @Inject
    Reports reports;

    @Inject
    ThreadLists threads;

    @Inject
    Library library;

    @Inject
    Agendas agendas;

    @Inject
    Notifications notifications;

    @Inject
    Responses surveyResponses;

    @Inject
    Moderation moderation;

    @Inject
    AccessRequests accessRequests;

    @Inject
    Registrations registrations;

    @Inject
    Caller caller;

    public HomeView forCaller() {
        return new HomeView(
                editions.next().orElse(null),
                reports.latest(CARD_LINES),
                threads.mostActive(CARD_LINES),
                library.latest(CARD_LINES),
                caller.signedIn() ? personal() : null,
                caller.staff() ? staff() : null);
    }

    private HomeView.PersonalCards personal() {
        Backlog<NotificationView> unread = notifications.unread(CARD_LINES);
        return new HomeView.PersonalCards(
                agendas.upcoming(CARD_LINES),
                threads.unreadFollowed(CARD_LINES),
                unread.total(),
                unread.first(),
                caller.is(Role.MEMBER) && !caller.staff()
                        ? surveyResponses.myDistrictStatus().orElse(null)
                        : null);
    }

    private HomeView.StaffCards staff() {
        Backlog<WaitingPost> posts = moderation.waiting(CARD_LINES);
        Backlog<RequestView> requests = accessRequests.pending(CARD_LINES);
        return new HomeView.StaffCards(
                posts.total(),
                posts.first(),
                requests.total(),
                requests.first(),
                reports.inReviewByOthers(CARD_LINES),
                registrations.fullWithWaitlist(CARD_LINES));
    }
}

package org.ctoforum.home.boundary;

import java.io.Serializable;
import java.util.List;
import org.ctoforum.discussions.boundary.Moderation.WaitingPost;
import org.ctoforum.discussions.boundary.ThreadTeaser;
import org.ctoforum.forums.boundary.AgendaTeaser;
import org.ctoforum.forums.boundary.EditionView;
import org.ctoforum.forums.boundary.WaitlistTeaser;
import org.ctoforum.library.boundary.Library.EntryView;
import org.ctoforum.notifications.boundary.Notifications.NotificationView;
import org.ctoforum.reports.boundary.AccessRequests.RequestView;
import org.ctoforum.reports.boundary.ReportTeaser;
import org.ctoforum.surveys.boundary.DistrictSurveyStatus;

/**
 * The home page's cards for one reader. {@code personal} is null for a visitor and {@code staff} for anyone but staff;
 * an empty list is an empty card, never a missing one.
 */
public record HomeView(
        EditionView nextForum,
        List<ReportTeaser> latestReports,
        List<ThreadTeaser> activeDiscussions,
        List<EntryView> latestLibraryEntries,
        PersonalCards personal,
        StaffCards staff)
        implements Serializable {

    /**
     * For a signed-in reader; {@code survey} only for members who are not staff (staff answer for no district), and
     * null until a survey has opened.
     */
    public record PersonalCards(
            List<AgendaTeaser> nextSessions,
            List<ThreadTeaser> unreadThreads,
            long unreadNotifications,
            List<NotificationView> notifications,
            DistrictSurveyStatus survey)
            implements Serializable {}

    /** What waits for staff: the totals, and the first few of each. */
    public record StaffCards(
            long postsWaiting,
            List<WaitingPost> postsToModerate,
            long requestsWaiting,
            List<RequestView> accessRequests,
            List<ReportTeaser> reportsInReview,
            List<WaitlistTeaser> waitlists)
            implements Serializable {}
}

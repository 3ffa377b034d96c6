package org.ctoforum.dashboard.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.discussions.boundary.ThreadLists;
import org.ctoforum.forums.boundary.EditionStats;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.platform.web.LabelledCount;
import org.ctoforum.search.boundary.QueryFigures;

/**
 * The staff dashboard's figures, each counted by the feature that owns it: downloads, registrations, posts and the
 * search query log. Each series comes with its labels, so a chart and the table beside it show the
 * same numbers.
 */
@Stateless
@DeclareRoles({Role.Names.ADMIN, Role.Names.STAFF, Role.Names.MEMBER, Role.Names.PRESS})
public class Dashboard {

    static final int MONTHS = 12;
    static final int WEEKS = 12;
    static final int SEARCH_DAYS = 30;
    private static final int TOP_REPORTS = 6;
    private static final int TOP_QUERIES = 10;

    /** A named row of counts, one per label. */
    public record Series(long id, String name, List<Long> counts) {
        public long total() {
            return counts.stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Completed downloads per month, for the most downloaded reports. */
    public record Downloads(List<String> months, List<Series> reports) {}

    public record EditionRegistrations(
            long id, String title, int capacity, long registered, long waitlisted, long cancelled) {}

    /** Visible posts per week (weeks start on Monday), one series per category. */
    public record Posts(List<String> weeks, List<Series> categories) {}

    public record QueryCount(String query, long searches, long zeroHits) {}

    /** The last {@link #SEARCH_DAYS} days' most common searches, and those that found nothing. */
    public record Searches(int days, List<QueryCount> common, List<QueryCount> foundNothing) {}

    public record Figures(
            Downloads downloads, List<EditionRegistrations> registrations, Posts posts, Searches searches) {}

    @Inject
    org.ctoforum.reports.boundary.Downloads downloadLog;

    @Inject
    EditionStats editionStats;

    @Inject
    ThreadLists threadLists;

    @Inject
    QueryFigures queryFigures;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    public Figures figures() {
        caller.require(Role.STAFF, "see the dashboard");
        return new Figures(downloads(), registrations(), posts(), searches());
    }

    private Downloads downloads() {
        ZoneId zone = settings.timeZone();
        YearMonth last = YearMonth.now(clock.withZone(zone));
        YearMonth first = last.minusMonths(MONTHS - 1L);
        List<String> months = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        return new Downloads(
                months, series(downloadLog.completedPerMonth(start(first.atDay(1), zone), zone, TOP_REPORTS), months));
    }

    private List<EditionRegistrations> registrations() {
        return editionStats.placesByEdition().stream()
                .map(places -> new EditionRegistrations(
                        places.editionId(),
                        places.title(),
                        places.capacity(),
                        places.registered(),
                        places.waitlisted(),
                        places.cancelled()))
                .toList();
    }

    private Posts posts() {
        ZoneId zone = settings.timeZone();
        LocalDate thisWeek =
                LocalDate.now(clock.withZone(zone)).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate firstWeek = thisWeek.minusWeeks(WEEKS - 1L);
        List<String> weeks = new ArrayList<>();
        for (LocalDate week = firstWeek; !week.isAfter(thisWeek); week = week.plusWeeks(1)) {
            weeks.add(week.toString());
        }
        return new Posts(weeks, series(threadLists.visiblePostsPerWeek(start(firstWeek, zone), zone), weeks));
    }

    private Searches searches() {
        LocalDate since = LocalDate.now(clock.withZone(settings.timeZone())).minusDays(SEARCH_DAYS - 1L);
        return new Searches(SEARCH_DAYS, queries(since, false), queries(since, true));
    }

    private List<QueryCount> queries(LocalDate since, boolean foundNothing) {
        return queryFigures.mostCommon(since, foundNothing, TOP_QUERIES).stream()
                .map(count -> new QueryCount(count.query(), count.searches(), count.zeroHits()))
                .toList();
    }

    /** Counts as one series per id, with a count for every label (0 when absent). */
    private static List<Series> series(List<LabelledCount> rows, List<String> labels) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (LabelledCount row : rows) {
            int at = labels.indexOf(row.label());
            if (at < 0) {
                continue;
            }
            names.put(row.id(), row.name());
            counts.computeIfAbsent(row.id(), unused -> new long[labels.size()])[at] = row.count();
        }
        List<Series> series = new ArrayList<>();
        counts.forEach((id, perLabel) -> series.add(
                new Series(id, names.get(id), Arrays.stream(perLabel).boxed().toList())));
        series.sort((a, b) -> Long.compare(b.total(), a.total()));
        return series;
    }

    private static OffsetDateTime start(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime();
    }
}

package org.ctoforum.dashboard.boundary;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Roles;
import org.ctoforum.platform.settings.Settings;

/**
 * The staff dashboard's figures, counted by PostgreSQL from the tables the features write: downloads, registrations,
 * posts and the search query log. Each series comes with its labels, so a chart and the table beside it show the
 * same numbers.
 */
@Stateless
@DeclareRoles({Roles.ADMIN, Roles.STAFF, Roles.MEMBER, Roles.PRESS})
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

    @PersistenceContext
    EntityManager em;

    @Inject
    Caller caller;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    public Figures figures() {
        caller.require(Roles.STAFF, "see the dashboard");
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
        List<?> rows = em.createNativeQuery("with top as (select report_id from report_download"
                        + " where completed and started_at >= ? group by report_id order by count(*) desc, report_id"
                        + " limit " + TOP_REPORTS + ")"
                        + " select r.id, r.title, to_char(d.started_at at time zone ?, 'YYYY-MM'), count(*)"
                        + " from report_download d join top on top.report_id = d.report_id"
                        + " join report r on r.id = d.report_id"
                        + " where d.completed and d.started_at >= ? group by 1, 2, 3")
                .setParameter(1, start(first.atDay(1), zone))
                .setParameter(2, zone.getId())
                .setParameter(3, start(first.atDay(1), zone))
                .getResultList();
        return new Downloads(months, series(rows, months));
    }

    private List<EditionRegistrations> registrations() {
        List<?> rows = em.createNativeQuery("select e.id, e.title, e.capacity,"
                        + " count(r.id) filter (where r.status = 'REGISTERED'),"
                        + " count(r.id) filter (where r.status = 'WAITLISTED'),"
                        + " count(r.id) filter (where r.status = 'CANCELLED')"
                        + " from forum_edition e"
                        + " left join forum_registration r on r.edition_id = e.id and r.session_id is null"
                        + " where e.status <> 'DRAFT' group by e.id order by e.start_date, e.id")
                .getResultList();
        List<EditionRegistrations> editions = new ArrayList<>();
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            editions.add(new EditionRegistrations(
                    ((Number) values[0]).longValue(),
                    (String) values[1],
                    ((Number) values[2]).intValue(),
                    ((Number) values[3]).longValue(),
                    ((Number) values[4]).longValue(),
                    ((Number) values[5]).longValue()));
        }
        return editions;
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
        List<?> rows = em.createNativeQuery("select c.id, c.name,"
                        + " to_char(date_trunc('week', p.created_at at time zone ?), 'YYYY-MM-DD'), count(*)"
                        + " from discussion_post p join discussion_thread t on t.id = p.thread_id"
                        + " join discussion_category c on c.id = t.category_id"
                        + " where p.status = 'VISIBLE' and p.created_at >= ? group by 1, 2, 3")
                .setParameter(1, zone.getId())
                .setParameter(2, start(firstWeek, zone))
                .getResultList();
        return new Posts(weeks, series(rows, weeks));
    }

    private Searches searches() {
        LocalDate since = LocalDate.now(clock.withZone(settings.timeZone())).minusDays(SEARCH_DAYS - 1L);
        return new Searches(
                SEARCH_DAYS,
                queries("sum(searches) > 0 order by sum(searches) desc", since),
                queries("sum(zero_hits) > 0 order by sum(zero_hits) desc", since));
    }

    private List<QueryCount> queries(String havingAndOrder, LocalDate since) {
        List<?> rows = em.createNativeQuery("select query, sum(searches), sum(zero_hits) from search_query_day"
                        + " where day >= ? group by query having " + havingAndOrder + ", query limit " + TOP_QUERIES)
                .setParameter(1, since)
                .getResultList();
        List<QueryCount> counts = new ArrayList<>();
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            counts.add(new QueryCount(
                    (String) values[0], ((Number) values[1]).longValue(), ((Number) values[2]).longValue()));
        }
        return counts;
    }

    /** Rows of (id, name, label, count) as one series per id, with a count for every label (0 when absent). */
    private static List<Series> series(List<?> rows, List<String> labels) {
        Map<Long, String> names = new LinkedHashMap<>();
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] values = (Object[]) row;
            long id = ((Number) values[0]).longValue();
            int at = labels.indexOf((String) values[2]);
            if (at < 0) {
                continue;
            }
            names.put(id, (String) values[1]);
            counts.computeIfAbsent(id, unused -> new long[labels.size()])[at] = ((Number) values[3]).longValue();
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

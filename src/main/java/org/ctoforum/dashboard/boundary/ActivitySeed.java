package org.ctoforum.dashboard.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.settings.Settings;

/**
 * Past activity from seeds/activity.json, so that a fresh demo's dashboard has months of downloads and weeks of
 * searches to chart. Rows are written once: downloads only while no demo download exists, searches only while the
 * query log is empty.
 */
@Stateless
public class ActivitySeed implements DemoSeed {

    /** Marks the seeded downloads, which no real client address can look like. */
    private static final String SEEDED_ADDRESS = "demo seed";

    private static final int SEARCH_DAYS = 28;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    @Override
    public int order() {
        // After the reports, whose versions the downloads point at.
        return 40;
    }

    @Override
    public void seed(DemoContext context) {
        JsonObject activity = context.json("activity.json");
        if (count("select count(*) from report_download where address = ?", SEEDED_ADDRESS) == 0) {
            activity.getJsonArray("downloads").getValuesAs(JsonObject.class).forEach(this::seedDownloads);
        }
        if (count("select count(*) from search_query_day", null) == 0) {
            List<JsonObject> searches = activity.getJsonArray("searches").getValuesAs(JsonObject.class);
            for (int i = 0; i < searches.size(); i++) {
                seedSearches(searches.get(i), i);
            }
        }
    }

    private void seedDownloads(JsonObject entry) {
        List<?> version = em.createNativeQuery("select v.report_id, v.id, v.file_size from report_version v"
                        + " join report r on r.id = v.report_id where r.slug = ? order by v.number desc limit 1")
                .setParameter(1, entry.getString("report"))
                .getResultList();
        if (version.isEmpty()) {
            return;
        }
        Object[] latest = (Object[]) version.get(0);
        ZoneId zone = settings.timeZone();
        List<JsonNumber> perMonth = entry.getJsonArray("perMonth").getValuesAs(JsonNumber.class);
        YearMonth month = YearMonth.now(clock.withZone(zone)).minusMonths(perMonth.size() - 1L);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        for (JsonNumber downloads : perMonth) {
            int count = downloads.intValue();
            // Spread over the month's days so far, at mid-morning.
            int days = month.equals(YearMonth.from(today)) ? today.getDayOfMonth() : month.lengthOfMonth();
            for (int i = 0; i < count; i++) {
                LocalDate day = month.atDay(1 + (int) ((long) i * days / count));
                em.createNativeQuery("insert into report_download (report_id, version_id, account_id, channel,"
                                + " started_at, bytes_sent, completed, address) values (?, ?,"
                                + " (select id from account where email = 'member@demo.local'), 'PAGE', ?, ?, true, ?)")
                        .setParameter(1, latest[0])
                        .setParameter(2, latest[1])
                        .setParameter(3, day.atTime(10, i % 60).atZone(zone).toOffsetDateTime())
                        .setParameter(4, latest[2])
                        .setParameter(5, SEEDED_ADDRESS)
                        .executeUpdate();
            }
            month = month.plusMonths(1);
        }
    }

    /** One query's counts, split over a few days of the last four weeks. */
    private void seedSearches(JsonObject entry, int index) {
        int searches = entry.getInt("searches");
        int zeroHits = entry.getInt("zeroHits");
        LocalDate today = LocalDate.now(clock.withZone(settings.timeZone()));
        int[] parts = {searches / 2, searches - searches / 2};
        int[] zeroParts = {zeroHits / 2, zeroHits - zeroHits / 2};
        for (int part = 0; part < parts.length; part++) {
            if (parts[part] == 0) {
                continue;
            }
            em.createNativeQuery("insert into search_query_day (day, query, searches, zero_hits) values (?, ?, ?, ?)")
                    .setParameter(1, today.minusDays((index * 3L + part * 11L) % SEARCH_DAYS))
                    .setParameter(2, entry.getString("query"))
                    .setParameter(3, parts[part])
                    .setParameter(4, zeroParts[part])
                    .executeUpdate();
        }
    }

    private long count(String sql, Object parameter) {
        var query = em.createNativeQuery(sql);
        if (parameter != null) {
            query.setParameter(1, parameter);
        }
        return ((Number) query.getSingleResult()).longValue();
    }
}

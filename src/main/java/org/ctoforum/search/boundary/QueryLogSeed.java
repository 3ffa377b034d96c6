package org.ctoforum.search.boundary;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.settings.Settings;

/**
 * Past searches from the "searches" of seeds/activity.json, so that a fresh demo's dashboard has weeks of them to
 * chart. They are written only while the query log is empty.
 */
@Stateless
public class QueryLogSeed implements DemoSeed {

    private static final int SEARCH_DAYS = 28;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Settings settings;

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void seed(DemoContext context) {
        long logged = ((Number) em.createNativeQuery("select count(*) from search_query_day")
                        .getSingleResult())
                .longValue();
        if (logged > 0) {
            return;
        }
        List<JsonObject> searches =
                context.json("activity.json").getJsonArray("searches").getValuesAs(JsonObject.class);
        for (int i = 0; i < searches.size(); i++) {
            seed(searches.get(i), i);
        }
    }

    /** One query's counts, split over a few days of the last four weeks. */
    private void seed(JsonObject entry, int index) {
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
}

package org.ctoforum.reports.boundary;

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
import org.ctoforum.membership.boundary.People;
import org.ctoforum.membership.boundary.People.Person;
import org.ctoforum.platform.demo.DemoContext;
import org.ctoforum.platform.demo.DemoSeed;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.reports.entity.Download;

/**
 * Past downloads from the "downloads" of seeds/activity.json, so that a fresh demo's dashboard has months of them to
 * chart. They are written once, while no seeded download exists, by the demo member.
 */
@Stateless
public class DownloadSeed implements DemoSeed {

    /** Marks the seeded downloads, which no real client address can look like. */
    private static final String SEEDED_ADDRESS = "demo seed";

    private static final String DOWNLOADER = "member@demo.local";

    @PersistenceContext
    EntityManager em;

    @Inject
    People people;

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
        long seeded = ((Number) em.createNativeQuery("select count(*) from report_download where address = ?")
                        .setParameter(1, SEEDED_ADDRESS)
                        .getSingleResult())
                .longValue();
        if (seeded > 0) {
            return;
        }
        Person downloader = people.byEmail(DOWNLOADER)
                .orElseThrow(() -> new IllegalStateException(
                        "seeds/activity.json's downloads are " + DOWNLOADER + "'s, who is not in seeds/members.json"));
        context.json("activity.json")
                .getJsonArray("downloads")
                .getValuesAs(JsonObject.class)
                .forEach(entry -> seed(entry, downloader.id()));
    }

    private void seed(JsonObject entry, long accountId) {
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
                                + " started_at, bytes_sent, completed, address) values (?, ?, ?, ?, ?, ?, true, ?)")
                        .setParameter(1, latest[0])
                        .setParameter(2, latest[1])
                        .setParameter(3, accountId)
                        .setParameter(4, Download.Channel.PAGE.name())
                        .setParameter(5, day.atTime(10, i % 60).atZone(zone).toOffsetDateTime())
                        .setParameter(6, latest[2])
                        .setParameter(7, SEEDED_ADDRESS)
                        .executeUpdate();
            }
            month = month.plusMonths(1);
        }
    }
}

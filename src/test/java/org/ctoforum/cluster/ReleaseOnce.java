package org.ctoforum.cluster;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.reliability.Scenarios;
import org.ctoforum.reports.control.PdfComposer;
import org.ctoforum.testing.Portal;

/**
 * The jobs every node runs, with three nodes up: a report whose release is scheduled 20 s ahead is released once (one
 * "is released" line in the three logs together), and a post in a thread four members watch gives each of them one
 * notice and one mail, sent once by one of the three nodes' mail jobs. The portal sends no notice of a report's
 * release to anyone yet; should it, each account must get at most one, which the part counts too. Last, the report's
 * file, uploaded through one node into the shared files folder, downloads whole through nginx whichever node answers.
 */
final class ReleaseOnce {

    private static final List<String> WATCHERS =
            List.of("member@demo.local", "member2@demo.local", "press@demo.local", "reader@demo.local");
    private static final String STAFF = "staff@demo.local";
    private static final String ADMIN = "admin@demo.local";
    private static final Duration AHEAD = Duration.ofSeconds(20);
    /** Three runs of the release job (every 5 s) on every node after the moment. */
    private static final Duration AFTER = Duration.ofSeconds(15);

    private static final int DOWNLOADS = 6;

    static void run(PortalCluster cluster, BenchReport report) throws Exception {
        Portal portal = cluster.proxied();
        String password = cluster.demoPassword();
        String marker = "release" + UUID.randomUUID().toString().substring(0, 8);
        String staff = ClusterScenarios.token(portal, STAFF, password);
        String threadTitle = "Cluster watchers " + marker;
        long thread = Scenarios.thread(portal, staff, threadTitle);
        for (String watcher : WATCHERS) {
            String token = ClusterScenarios.token(portal, watcher, password);
            expect(200, portal.send(put(portal, "/api/me/notification-settings", token, "{\"mail\":\"IMMEDIATE\"}")));
            expect(
                    200,
                    portal.send(put(portal, "/api/threads/" + thread + "/watch", token, "{\"level\":\"WATCHING\"}")));
        }

        byte[] pdf = PdfComposer.compose(
                "Cluster release " + marker,
                "Scenario report",
                "Released once by a cluster of three.",
                List.of(new PdfComposer.Section("Findings", "The marker is " + marker + ".")));
        Portal.Answer drafted = portal.postMultipart(
                "/api/reports",
                List.of(
                        Portal.Part.json(
                                "metadata",
                                "{\"title\": \"Cluster release " + marker + "\", \"summary\": \"Released by the"
                                        + " cluster scenario.\", \"kind\": \"BRIEF\", \"year\": 2026, \"access\":"
                                        + " \"PUBLIC\", \"topics\": [\"Budget\"]}"),
                        Portal.Part.file("report.pdf", pdf)),
                STAFF,
                password);
        expect(201, drafted);
        long reportId = drafted.json().getJsonNumber("id").longValue();
        String slug = drafted.json().getString("slug");
        expect(
                200,
                portal.postJson(
                        "/api/reports/" + reportId + "/transitions", "{\"to\": \"IN_REVIEW\"}", STAFF, password));
        OffsetDateTime releaseAt =
                OffsetDateTime.now(ZoneOffset.UTC).plus(AHEAD).truncatedTo(ChronoUnit.SECONDS);
        expect(
                200,
                portal.postJson(
                        "/api/reports/" + reportId + "/transitions",
                        "{\"to\": \"PUBLISHED\", \"at\": \"" + releaseAt + "\"}",
                        ADMIN,
                        password));

        expect(
                201,
                portal.send(portal.request("/api/threads/" + thread + "/posts")
                        .header("Authorization", "Bearer " + staff)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"body\": \"Report " + marker + " is out on " + releaseAt + ".\"}"))));

        long wait = Duration.between(OffsetDateTime.now(ZoneOffset.UTC), releaseAt.plus(AFTER))
                .toMillis();
        Thread.sleep(Math.max(0, wait));

        List<String> problems = new ArrayList<>();
        int releases = 0;
        Map<String, Object> releasedBy = new LinkedHashMap<>();
        Pattern released = Pattern.compile(Pattern.quote("Report " + reportId + " '" + slug + "' is released"));
        for (int i = 0; i < PortalCluster.NODES; i++) {
            int lines = count(released, cluster.log(i));
            releasedBy.put(cluster.nodes().get(i).name(), lines);
            releases += lines;
        }
        if (releases != 1) {
            problems.add(releases + " release lines");
        }

        Map<String, Object> perWatcher = new LinkedHashMap<>();
        Map<String, Long> releaseNotices;
        try (Connection db = cluster.database().connect()) {
            String threadLink = "%thread.xhtml?id=" + thread + "&%";
            for (String watcher : WATCHERS) {
                long notices = count(
                        db,
                        "select count(*) from notification n join account a on a.id = n.account_id"
                                + " where a.email = ? and n.link like ?",
                        watcher,
                        threadLink);
                long mails = count(
                        db,
                        "select count(*) from outgoing_mail where recipient = ? and body like ?",
                        watcher,
                        threadLink);
                int deliveries = 0;
                Pattern delivered = Pattern.compile(
                        Pattern.quote("Mail to " + watcher + ": ") + "[^\\n]*" + Pattern.quote(threadTitle));
                for (int i = 0; i < PortalCluster.NODES; i++) {
                    deliveries += count(delivered, cluster.log(i));
                }
                perWatcher.put(watcher, Map.of("notices", notices, "mails", mails, "mails delivered", deliveries));
                if (notices != 1 || mails != 1 || deliveries != 1) {
                    problems.add(
                            watcher + ": " + notices + " notices, " + mails + " mails, " + deliveries + " delivered");
                }
            }
            releaseNotices = releaseNotices(db, slug);
        }
        releaseNotices.forEach((account, notices) -> {
            if (notices > 1) {
                problems.add(account + " got " + notices + " notices of the release");
            }
        });

        report.section(
                "the release",
                Map.of(
                        "report",
                        slug,
                        "release_at",
                        releaseAt.toString(),
                        "release lines by node",
                        releasedBy,
                        "release notices by account",
                        releaseNotices.isEmpty() ? "none: the portal sends no release notice" : releaseNotices));
        report.section("notices and mails of one post, per watcher", perWatcher);
        report.target(
                "a scheduled release with three nodes up: exactly one release, one notice and one mail per watcher",
                problems.isEmpty()
                        ? "1 release; 1 notice, 1 mail and 1 delivery for each of " + WATCHERS.size() + " watchers"
                        : String.join("; ", problems),
                problems.isEmpty());

        downloads(portal, reportId, pdf, password, report);
    }

    /** The file through nginx, several times, so that the nodes take turns; every download whole and equal. */
    private static void downloads(Portal portal, long id, byte[] pdf, String password, BenchReport report) {
        Map<String, Integer> outcomes = new TreeMap<>();
        for (int i = 0; i < DOWNLOADS; i++) {
            HttpResponse<byte[]> file = portal.bytes("/api/reports/" + id + "/file", List.of(), STAFF, password);
            String outcome = file.statusCode()
                    + (file.statusCode() == 200
                            ? (Arrays.equals(file.body(), pdf)
                                    ? " whole"
                                    : " different bytes (" + file.body().length + ")")
                            : "");
            outcomes.merge(outcome, 1, Integer::sum);
        }
        report.section("the released report's file through nginx", Map.copyOf(outcomes));
        report.target(
                "a file uploaded through one node downloads whole through nginx, whichever node answers",
                outcomes.toString(),
                outcomes.getOrDefault("200 whole", 0) == DOWNLOADS);
    }

    private static Map<String, Long> releaseNotices(Connection db, String slug) throws Exception {
        Map<String, Long> notices = new TreeMap<>();
        try (PreparedStatement query = db.prepareStatement("select a.email, count(*) from notification n"
                + " join account a on a.id = n.account_id where n.link like ? group by a.email")) {
            query.setString(1, "%/reports/" + slug + "%");
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    notices.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return notices;
    }

    private static long count(Connection db, String sql, String... parameters) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher found = pattern.matcher(text);
        int count = 0;
        while (found.find()) {
            count++;
        }
        return count;
    }

    private static HttpRequest.Builder put(Portal portal, String path, String token, String json) {
        return portal.request(path)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
    }

    private static void expect(int status, Portal.Answer answer) {
        if (answer.status() != status) {
            throw new IllegalStateException("Expected " + status + ", got " + answer);
        }
    }

    private ReleaseOnce() {}
}

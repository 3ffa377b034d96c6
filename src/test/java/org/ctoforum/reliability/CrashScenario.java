package org.ctoforum.reliability;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.awaitility.core.ConditionTimeoutException;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.bench.Latencies;
import org.ctoforum.bench.PackagedPortal;
import org.ctoforum.launcher.EmbeddedDatabase;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Issue 8, point 4: the portal killed with SIGKILL 20 times while clients write replies and register for a forum
 * with a capacity. After every restart each acknowledged write is in the database, nobody is registered twice and
 * the capacity holds; after the last, every acknowledged reply is findable in search within 60 s.
 */
final class CrashScenario {

    private static final Logger LOG = Logger.getLogger(CrashScenario.class.getName());

    private static final int HTTP_PORT = 18_191;
    private static final int DB_PORT = 54_690;
    private static final int UNUSED_EMBEDDED_PORT = 54_692;
    private static final int CAPACITY = 10;
    private static final int REGISTRANTS = 40;
    private static final Duration SEARCH_DEADLINE = Duration.ofSeconds(60);

    private final BenchReport report = new BenchReport(Scenarios.REPORTS, "crash");
    private final int cycles = Integer.getInteger("reliability.crash.cycles", 20);
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Random random = new Random(5);

    /** Acknowledged replies: id and the word only that reply has. */
    private final Map<Long, String> replies = new ConcurrentHashMap<>();
    /** A member who registers and cancels over and over. */
    private record Registrant(String token, long accountId) {}

    /** Each registrant's last acknowledged state: true while registered or waitlisted, false once cancelled. */
    private final Map<Registrant, Boolean> live = new ConcurrentHashMap<>();
    /** Registrants with a request the kill cut off: its effect is unknown until their next acknowledged one. */
    private final Set<Registrant> uncertain = ConcurrentHashMap.newKeySet();

    private final AtomicLong registrationsAcknowledged = new AtomicLong();

    static boolean run(Path work) throws Exception {
        return new CrashScenario().measure(work.resolve("crash"));
    }

    private boolean measure(Path work) throws Exception {
        TimeBoxedParts.deleteTree(work);
        List<String> problems = new ArrayList<>();
        Latencies restarts = new Latencies();
        try (EmbeddedDatabase database = EmbeddedDatabase.start(work.resolve("postgres"), DB_PORT)) {
            PackagedPortal running = start(work);
            Portal portal = new Portal(URI.create(running.baseUrl() + "/").toURL());
            String staff = token(portal, "staff@demo.local", running.demoPassword());
            String member = token(portal, "member@demo.local", running.demoPassword());
            long thread = Scenarios.thread(portal, member, "Crash scenario");
            long edition = edition(portal, staff);
            List<Registrant> registrants = new ArrayList<>();
            for (int i = 0; i < REGISTRANTS; i++) {
                registrants.add(newMember(running, portal, staff));
            }
            for (int cycle = 0; cycle < cycles; cycle++) {
                if (cycle > 0) {
                    long started = System.nanoTime();
                    running = start(work);
                    restarts.record(System.nanoTime() - started);
                    problems.addAll(check(database.jdbcUrl(), thread, edition, "after restart " + cycle));
                }
                List<Thread> writers = write(
                        running.baseUrl(),
                        member,
                        thread,
                        edition,
                        registrants,
                        Duration.ofMillis(3_000 + random.nextInt(6_000)));
                running.kill();
                for (Thread writer : writers) {
                    writer.join();
                }
                LOG.info("Killed the portal, cycle " + (cycle + 1) + " of " + cycles + "; " + replies.size()
                        + " replies and " + registrationsAcknowledged + " registrations and cancellations acknowledged"
                        + " so far");
            }
            try (PackagedPortal last = start(work)) {
                problems.addAll(check(database.jdbcUrl(), thread, edition, "after the last restart"));
                searchable(new Portal(URI.create(last.baseUrl() + "/").toURL()), problems);
            }
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("kills", cycles);
        figures.put("replies_acknowledged", replies.size());
        figures.put("registrations_and_cancellations_acknowledged", registrationsAcknowledged.get());
        figures.put("problems", problems.size());
        report.section("writes", figures);
        report.section("restart to ready after a kill (ms)", restarts.toMap());
        report.section("problems", problems.isEmpty() ? Map.of("none", 0) : Map.of("found", problems.toString()));
        report.target(
                "after every kill: acknowledged writes present, no duplicate, capacity held; search agrees within 60 s",
                problems.isEmpty() ? "no problem in " + cycles + " kills" : problems.size() + " problems",
                problems.isEmpty());
        return Scenarios.finish(report);
    }

    private PackagedPortal start(Path work) throws Exception {
        return PackagedPortal.start(
                work.resolve("data"),
                HTTP_PORT,
                UNUSED_EMBEDDED_PORT,
                "512m",
                Duration.ofMinutes(3),
                "portal.db.url=jdbc:postgresql://localhost:" + DB_PORT + "/" + EmbeddedDatabase.DATABASE,
                "portal.db.user=" + EmbeddedDatabase.USER,
                "portal.db.password=unused",
                "portal.discussions.posts-per-minute=100000",
                "portal.discussions.posts-per-minute-per-address=100000",
                "portal.limits.searches-per-minute-per-address=100000",
                "portal.limits.searches-per-minute=100000");
    }

    /** Replies from one client and registrations from another, as fast as answered, for {@code time}. */
    private List<Thread> write(
            String base, String member, long thread, long edition, List<Registrant> registrants, Duration time)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        Thread replying = new Thread(() -> {
            while (!stop.get()) {
                String word = "crashprobe"
                        + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                HttpResponse<String> answer =
                        send(HttpRequest.newBuilder(URI.create(base + "/api/threads/" + thread + "/posts"))
                                .header("Authorization", "Bearer " + member)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"body\": \"Written before a crash: " + word + ".\"}")));
                if (answer != null && answer.statusCode() == 201) {
                    replies.put(id(answer.body()), word);
                }
            }
        });
        Thread registering = new Thread(() -> {
            while (!stop.get()) {
                Registrant registrant = registrants.get(random.nextInt(registrants.size()));
                boolean cancel = live.getOrDefault(registrant, false);
                String path = base + "/api/forums/" + edition + "/registrations" + (cancel ? "/me" : "");
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(path))
                        .header("Authorization", "Bearer " + registrant.token());
                uncertain.add(registrant);
                HttpResponse<String> answer =
                        send(cancel ? request.DELETE() : request.POST(HttpRequest.BodyPublishers.noBody()));
                if (answer != null && answer.statusCode() / 100 == 2) {
                    live.put(registrant, !cancel);
                    uncertain.remove(registrant);
                    registrationsAcknowledged.incrementAndGet();
                }
                sleep(100);
            }
        });
        replying.start();
        registering.start();
        Thread.sleep(time.toMillis());
        stop.set(true);
        // Whatever is in flight when the kill comes is what the scenario is about.
        return List.of(replying, registering);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            sleep(50);
            return null;
        }
    }

    /** Every acknowledged write is there, once, and the capacity held. */
    private List<String> check(String jdbcUrl, long thread, long edition, String when) throws Exception {
        List<String> problems = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            try (PreparedStatement query =
                    db.prepareStatement("select count(*) from discussion_post where id = any(?)")) {
                query.setArray(1, db.createArrayOf("bigint", replies.keySet().toArray()));
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) != replies.size()) {
                        problems.add(when + ": " + (replies.size() - row.getLong(1)) + " acknowledged replies missing");
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement("select count(*) filter (where status = 'REGISTERED'),"
                    + " count(*) filter (where status <> 'CANCELLED'), count(distinct account_id) filter (where status"
                    + " <> 'CANCELLED') from forum_registration where edition_id = ? and session_id is null")) {
                query.setLong(1, edition);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > CAPACITY) {
                        problems.add(when + ": " + row.getLong(1) + " registered for " + CAPACITY + " places");
                    }
                    if (row.getLong(2) != row.getLong(3)) {
                        problems.add(when + ": someone is registered twice");
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement(
                    "select count(*) - count(distinct body) from discussion_post where thread_id = ?")) {
                query.setLong(1, thread);
                try (ResultSet row = query.executeQuery()) {
                    row.next();
                    if (row.getLong(1) != 0) {
                        problems.add(when + ": " + row.getLong(1) + " replies stored twice");
                    }
                }
            }
            Set<Long> liveAccounts = new HashSet<>();
            try (PreparedStatement query = db.prepareStatement("select account_id from forum_registration"
                    + " where edition_id = ? and session_id is null and status <> 'CANCELLED'")) {
                query.setLong(1, edition);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        liveAccounts.add(rows.getLong(1));
                    }
                }
            }
            live.forEach((registrant, registered) -> {
                if (!uncertain.contains(registrant) && registered != liveAccounts.contains(registrant.accountId())) {
                    problems.add(when + ": account " + registrant.accountId() + " acknowledged as "
                            + (registered ? "registered" : "cancelled") + " but is not");
                }
            });
        }
        return problems;
    }

    /** Every acknowledged reply found by its word within 60 s of the last start. */
    private void searchable(Portal portal, List<String> problems) {
        List<String> missing = new ArrayList<>(replies.values());
        try {
            // In this thread: each round of searches finishes before the time is checked, and missing is read after.
            await().atMost(SEARCH_DEADLINE)
                    .pollInSameThread()
                    .pollDelay(Duration.ZERO)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> {
                        missing.removeIf(word -> portal.get("/api/search?q=" + word)
                                        .json()
                                        .getJsonNumber("total")
                                        .longValue()
                                > 0);
                        return missing.isEmpty();
                    });
        } catch (ConditionTimeoutException e) {
            // What is still missing is a finding of the scenario, counted below, not an error of the test.
        }
        report.section(
                "search after the last restart",
                Map.of("replies", replies.size(), "not_found_within_60_s", missing.size()));
        if (!missing.isEmpty()) {
            problems.add(missing.size() + " acknowledged replies not searchable within 60 s");
        }
    }

    private long edition(Portal portal, String staff) {
        LocalDate first = LocalDate.now().plusMonths(3);
        Portal.Answer created = portal.send(portal.request("/api/forums")
                .header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Crash forum\",\"startDate\":\"" + first
                        + "\",\"endDate\":\"" + first.plusDays(1) + "\",\"timeZone\":\"America/Chicago\","
                        + "\"format\":\"VIRTUAL\",\"capacity\":" + CAPACITY + ",\"status\":\"PUBLISHED\"}")));
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create the edition: " + created);
        }
        return created.json().getJsonNumber("id").longValue();
    }

    private static Registrant newMember(PackagedPortal running, Portal portal, String staff) {
        String email = "crash-" + UUID.randomUUID().toString().substring(0, 8) + "@scenario.example";
        String password = "a crash scenario passphrase";
        portal.postJson(
                "/api/accounts",
                "{\"email\":\"" + email + "\",\"displayName\":\"Crash Tester\",\"password\":\"" + password + "\"}");
        portal.postJson(
                "/api/accounts/confirmations", "{\"token\":\"" + running.mailedToken(email, "confirm.xhtml") + "\"}");
        long id = portal.get("/api/me", email, password)
                .json()
                .getJsonNumber("id")
                .longValue();
        portal.send(portal.request("/api/admin/members/" + id + "/membership")
                .header("Authorization", "Bearer " + staff)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"start\":\"2020-01-01\"}")));
        return new Registrant(token(portal, email, password), id);
    }

    private static String token(Portal portal, String email, String password) {
        return portal.postJson("/api/me/tokens", "{\"name\": \"crash\"}", email, password)
                .json()
                .getString("token");
    }

    private static long id(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getJsonNumber("id").longValue();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

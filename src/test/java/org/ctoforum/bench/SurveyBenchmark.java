package org.ctoforum.bench;

import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ctoforum.surveys.control.GeneratedDistrict;
import org.ctoforum.surveys.control.PeerGroup;
import org.ctoforum.surveys.control.QuestionSpec;
import org.ctoforum.surveys.control.SurveyFigures;
import org.ctoforum.surveys.entity.CensusRegion;
import org.ctoforum.surveys.entity.DistrictLocale;
import org.ctoforum.surveys.entity.EnrollmentBand;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Issue 26's figures. Publishing: a survey of 60 questions answered by 1,000 districts, closed and published through
 * the API, which computes every question for the 29 peer groups with suppression and stores the figures in one
 * transaction; beside it the same read, computation and largest write done bare on the same data, so the report shows
 * what bounds it. Then a member's district beside its peer group, through the API and the results page, at 50
 * requests a second beside {@code /api/ping}.
 */
final class SurveyBenchmark {

    private static final Logger LOG = Logger.getLogger(SurveyBenchmark.class.getName());

    private static final int HTTP_PORT = 18_095;
    private static final int DB_PORT = 54_495;
    /** No demo survey comes near; each publication takes the next year. */
    private static final int FIRST_YEAR = 2090;
    /** The last year the portal takes: the bare write's scratch survey, which the publications stay below. */
    private static final int SCRATCH_YEAR = 2100;

    private static final int DEMO_YEAR = 2021;
    private static final String STAFF = "staff@demo.local";
    private static final String MEMBER = "member@demo.local";
    private static final String MEMBER_DISTRICT = "Riverbend Unified School District";
    private static final int BARE_WARMUPS = 2;
    private static final int BARE_ROUNDS = 5;
    /** As SurveyPublication batches its inserts. */
    private static final int STORE_BATCH = 1_000;

    private static final Duration PUBLISH_TIMEOUT = Duration.ofMinutes(10);

    /** What a run may be given with {@code -Dbench.surveys.*}. */
    record Settings(
            int districts,
            int questions,
            int publications,
            double rate,
            Duration duration,
            Duration warmup,
            double basicRate) {
        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.surveys.districts", 1_000),
                    Integer.getInteger("bench.surveys.questions", 60),
                    Integer.getInteger("bench.surveys.publications", 5),
                    Integer.getInteger("bench.surveys.rate", 50),
                    Duration.ofSeconds(Integer.getInteger("bench.surveys.seconds", 60)),
                    Duration.ofSeconds(Integer.getInteger("bench.surveys.warmup", 20)),
                    Integer.getInteger("bench.surveys.basic-rate", 5));
        }
    }

    /** One publication: the client's times for closing and publishing, and the portal's own for publishing. */
    private record Published(long surveyId, long closeMillis, long publishMillis, long serverMillis) {}

    private final Settings settings;
    private final BenchReport report = new BenchReport("surveys");

    private SurveyBenchmark(Settings settings) {
        this.settings = settings;
    }

    static boolean run(Path work) throws Exception {
        return new SurveyBenchmark(Settings.fromSystemProperties()).measure(work.resolve("surveys"));
    }

    private boolean measure(Path work) throws Exception {
        TimeBoxedParts.deleteTree(work);
        try (PackagedPortal running =
                PackagedPortal.start(work.resolve("data"), HTTP_PORT, DB_PORT, "1g", Duration.ofMinutes(3))) {
            Portal portal = new Portal(URI.create(running.baseUrl() + "/").toURL());
            String staff = token(portal, STAFF, running.demoPassword());
            BulkSurvey survey = BulkSurvey.of(settings.questions());
            long benchSurvey;
            GeneratedDistrict memberDistrict;
            try (Connection db = DriverManager.getConnection(running.jdbcUrl() + "&reWriteBatchedInserts=true")) {
                BulkSurvey.Respondents respondents =
                        survey.respondents(db, settings.districts(), MEMBER_DISTRICT, FIRST_YEAR);
                memberDistrict = respondents.districts().values().iterator().next();
                List<Published> published = new ArrayList<>();
                int k = 0;
                for (int i = 0; i < settings.publications(); i++) {
                    JsonObject created = send(
                                    portal,
                                    staff,
                                    "/api/surveys",
                                    survey.form(FIRST_YEAR + i, LocalDate.now()).toString(),
                                    201)
                            .json();
                    k = created.getInt("minGroupSize");
                    published.add(publish(running, portal, staff, db, respondents, created));
                }
                benchSurvey = published.get(published.size() - 1).surveyId();
                describe(survey.questions(), respondents, k);
                publications(db, published);
                bare(db, running.jdbcUrl(), benchSurvey, survey.questions(), k, published);
            }
            benchmarkPage(running, portal, benchSurvey, FIRST_YEAR + settings.publications() - 1, memberDistrict);
        }
        Path written = report.write();
        LOG.info(() -> "Wrote " + written.toAbsolutePath());
        return report.allMet();
    }

    /** Opens the survey, answers it for every district, closes it, and times the publication. */
    private Published publish(
            PackagedPortal running,
            Portal portal,
            String staff,
            Connection db,
            BulkSurvey.Respondents respondents,
            JsonObject survey)
            throws SQLException {
        long id = survey.getJsonNumber("id").longValue();
        transition(portal, staff, id, "OPEN");
        int answers = BulkSurvey.answer(db, id, respondents);
        long closeMillis = transition(portal, staff, id, "CLOSED");
        long publishMillis = transition(portal, staff, id, "PUBLISHED");
        Pattern logged =
                Pattern.compile("Survey " + id + " \\(" + survey.getInt("year") + "\\) published: .*? in (\\d+) ms");
        long serverMillis = Long.parseLong(running.lastInLog("survey " + id + " published, in the portal's log", logged)
                .group(1));
        LOG.info(() -> "Survey " + id + ": " + answers + " answers published in " + publishMillis + " ms ("
                + serverMillis + " ms in the portal)");
        return new Published(id, closeMillis, publishMillis, serverMillis);
    }

    private void describe(List<QuestionSpec> questions, BulkSurvey.Respondents respondents, int k) {
        Map<String, Integer> types = new TreeMap<>();
        questions.forEach(q -> types.merge(q.type().name(), 1, Integer::sum));
        Map<String, Integer> cells = new TreeMap<>();
        Map<String, Integer> bands = new TreeMap<>();
        Map<String, Integer> locales = new TreeMap<>();
        Map<String, Integer> regions = new TreeMap<>();
        for (GeneratedDistrict d : respondents.districts().values()) {
            cells.merge(d.band().slug() + ":" + d.locale().slug(), 1, Integer::sum);
            bands.merge(d.band().slug(), 1, Integer::sum);
            locales.merge(d.locale().slug(), 1, Integer::sum);
            regions.merge(d.region().slug(), 1, Integer::sum);
        }
        Map<String, Integer> small = new TreeMap<>(cells);
        small.values().removeIf(n -> n >= k);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("districts answering", respondents.districts().size());
        data.put("questions", questions.size());
        data.put("question types", types);
        data.put("answers stored per survey", respondents.answerCount());
        data.put("peer groups", PeerGroup.all().size());
        data.put("k (fewest districts a figure may count)", k);
        data.put("enrollment bands", bands);
        data.put("locales", locales);
        data.put("regions", regions);
        data.put("band × locale cells under k", small);
        report.section("data", data);
    }

    private void publications(Connection db, List<Published> published) throws SQLException {
        Map<String, Object> runs = new LinkedHashMap<>();
        List<Long> http = new ArrayList<>();
        List<Long> server = new ArrayList<>();
        List<Long> close = new ArrayList<>();
        long figures = 0;
        for (Published p : published) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("close_ms", p.closeMillis());
            row.put("publish_ms", p.publishMillis());
            row.put("publish_in_portal_ms", p.serverMillis());
            row.putAll(stored(db, p.surveyId()));
            figures = (long) row.get("figures");
            runs.put("survey " + p.surveyId(), row);
            http.add(p.publishMillis());
            server.add(p.serverMillis());
            close.add(p.closeMillis());
        }
        report.section("each publication, on a fresh survey with the same answers", runs);
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("publications", published.size());
        summary.put("publish, as the client sees it: median (ms)", median(http));
        summary.put("publish, as the client sees it: max (ms)", max(http));
        summary.put("publish, in the portal's log: median (ms)", median(server));
        summary.put("publish, in the portal's log: max (ms)", max(server));
        summary.put("close, freezing the profiles: median (ms)", median(close));
        report.section("publishing", summary);
        long expected = (long) settings.questions() * PeerGroup.all().size();
        report.target(
                "publication: every question × every peer group stored",
                String.format("%d figures of %d; p50 %d ms, max %d ms", figures, expected, median(server), max(server)),
                figures == expected);
    }

    /** What a publication stored: its figures, those hidden to protect small groups, and the standings. */
    private static Map<String, Object> stored(Connection db, long surveyId) throws SQLException {
        Map<String, Object> counts = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("select count(*),"
                + " count(*) filter (where suppressed in ('FEWER_THAN_K', 'COMPLEMENTARY')),"
                + " count(*) filter (where suppressed = 'FEWER_THAN_K'),"
                + " count(*) filter (where suppressed = 'FREE_TEXT'),"
                + " (select count(*) from survey_standing where survey_id = ?),"
                + " (select count(*) from survey_group_result where survey_id = ? and suppressed is not null)"
                + " from survey_result where survey_id = ?")) {
            for (int i = 1; i <= 3; i++) {
                query.setLong(i, surveyId);
            }
            try (ResultSet row = query.executeQuery()) {
                row.next();
                counts.put("figures", row.getLong(1));
                counts.put("hidden", row.getLong(2));
                counts.put("hidden_under_k", row.getLong(3));
                counts.put("free_text", row.getLong(4));
                counts.put("standings", row.getLong(5));
                counts.put("hidden_groups", row.getLong(6));
            }
        }
        return counts;
    }

    /**
     * The publication's parts done bare on the same data: its read of the answers by JDBC with the same SQL, its
     * computation in this JVM, and its largest write. What is left of its time is the other figures' writes, the
     * pool and the transaction.
     */
    private void bare(
            Connection db, String jdbcUrl, long surveyId, List<QuestionSpec> specs, int k, List<Published> published)
            throws SQLException {
        List<SurveyFigures.Question> questions = specs.stream()
                .map(q -> new SurveyFigures.Question(q.code(), q.type(), q.options()))
                .toList();
        List<Long> reads = new ArrayList<>();
        List<SurveyFigures.Participant> participants = List.of();
        Map<Long, Map<String, String>> answers = Map.of();
        for (int round = 0; round < BARE_ROUNDS; round++) {
            long started = System.nanoTime();
            participants = participants(db, surveyId);
            answers = answers(db, surveyId);
            reads.add(millisSince(started));
        }
        List<Long> computes = new ArrayList<>();
        SurveyFigures.Figures figures = null;
        for (int round = 0; round < BARE_WARMUPS + BARE_ROUNDS; round++) {
            long started = System.nanoTime();
            figures = SurveyFigures.compute(questions, participants, answers, k);
            if (round >= BARE_WARMUPS) {
                computes.add(millisSince(started));
            }
        }
        List<Long> stores = new ArrayList<>();
        List<Long> rewrittenStores = new ArrayList<>();
        for (int round = 0; round < BARE_ROUNDS; round++) {
            stores.add(storeStandings(jdbcUrl, figures.standings()));
            rewrittenStores.add(storeStandings(jdbcUrl + "&reWriteBatchedInserts=true", figures.standings()));
        }
        long read = median(reads);
        long compute = median(computes);
        long store = median(stores);
        long publish = median(published.stream().map(Published::serverMillis).toList());
        Map<String, Object> bare = new LinkedHashMap<>();
        bare.put("read participants and answers by JDBC, same SQL: median of " + BARE_ROUNDS + " (ms)", read);
        bare.put(
                "SurveyFigures.compute in the benchmark's JVM: median of " + BARE_ROUNDS + " after " + BARE_WARMUPS
                        + " warm-ups (ms)",
                compute);
        bare.put("figures computed", figures.results().size());
        bare.put("standings computed", figures.standings().size());
        bare.put(
                "store the standings by JDBC, connected as the portal's pool is: median of " + BARE_ROUNDS + " (ms)",
                store);
        bare.put("the same with reWriteBatchedInserts=true (ms)", median(rewrittenStores));
        bare.put("publish in the portal: median (ms)", publish);
        bare.put(
                "publish − read − compute − standings: the figures, the transaction and the commit (ms)",
                publish - read - compute - store);
        bare.put(
                "publish / (read + compute + standings)",
                Math.round(publish * 10.0 / Math.max(1, read + compute + store)) / 10.0);
        report.section("the same work bare", bare);
    }

    /**
     * The publication's largest write, the standings, as it stores them (batches of 1,000) for a survey that has none
     * yet: a scratch survey in a transaction that is rolled back.
     */
    private static long storeStandings(String jdbcUrl, List<SurveyFigures.StandingRow> standings) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            db.setAutoCommit(false);
            long surveyId;
            try (PreparedStatement scratch = db.prepareStatement(
                    "insert into survey (year, title, status, opens, closes, min_group_size, created_at, updated_at)"
                            + " values (?, 'Scratch', 'CLOSED', current_date, current_date, 10, now(), now())",
                    new String[] {"id"})) {
                scratch.setInt(1, SCRATCH_YEAR);
                scratch.executeUpdate();
                try (ResultSet key = scratch.getGeneratedKeys()) {
                    key.next();
                    surveyId = key.getLong(1);
                }
            }
            long started = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("insert into survey_standing"
                    + " (survey_id, district_id, question_code, peer_group, percentile) values (?, ?, ?, ?, ?)")) {
                int batched = 0;
                for (SurveyFigures.StandingRow row : standings) {
                    insert.setLong(1, surveyId);
                    insert.setLong(2, row.districtId());
                    insert.setString(3, row.code());
                    insert.setString(4, row.group());
                    insert.setInt(5, row.percentile());
                    insert.addBatch();
                    if (++batched % STORE_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            long millis = millisSince(started);
            db.rollback();
            return millis;
        }
    }

    private static List<SurveyFigures.Participant> participants(Connection db, long surveyId) throws SQLException {
        List<SurveyFigures.Participant> participants = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement(
                "select district_id, band, locale, region from survey_participant where survey_id = ? and submitted")) {
            query.setLong(1, surveyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    participants.add(new SurveyFigures.Participant(
                            rows.getLong(1),
                            EnrollmentBand.valueOf(rows.getString(2)),
                            DistrictLocale.valueOf(rows.getString(3)),
                            CensusRegion.valueOf(rows.getString(4))));
                }
            }
        }
        return participants;
    }

    private static Map<Long, Map<String, String>> answers(Connection db, long surveyId) throws SQLException {
        Map<Long, Map<String, String>> answers = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("select r.district_id, a.question_code, a.value"
                + " from survey_answer a join survey_response r on r.id = a.response_id"
                + " where r.survey_id = ? and r.submitted_at is not null")) {
            query.setLong(1, surveyId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    answers.computeIfAbsent(rows.getLong(1), d -> new HashMap<>())
                            .put(rows.getString(2), rows.getString(3));
                }
            }
        }
        return answers;
    }

    /**
     * The member's district beside its band × locale cell, on the demo's 2021 survey and on the benchmark's large
     * one: the API with a token, and the results page with a session signed in through the form. {@code /api/ping}
     * without and with the token gives the floor. HTTP Basic runs apart at a lower rate: it derives the password's
     * PBKDF2 key on every request.
     */
    private void benchmarkPage(
            PackagedPortal running, Portal portal, long benchSurvey, int benchYear, GeneratedDistrict memberDistrict)
            throws Exception {
        String password = running.demoPassword();
        String token = token(portal, MEMBER, password);
        long demoSurvey = portal.get("/api/surveys").array().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getInt("year") == DEMO_YEAR)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The demo has no " + DEMO_YEAR + " survey"))
                .getJsonNumber("id")
                .longValue();
        String group = "band-locale:" + memberDistrict.band().slug() + ":"
                + memberDistrict.locale().slug();
        String base = running.baseUrl();
        URI demo = URI.create(base + "/api/surveys/" + demoSurvey + "/benchmark?group=" + group);
        URI large = URI.create(base + "/api/surveys/" + benchSurvey + "/benchmark?group=" + group);
        URI demoPage = URI.create(base + "/surveys/results.xhtml?year=" + DEMO_YEAR + "&group=" + group);
        URI largePage = URI.create(base + "/surveys/results.xhtml?year=" + benchYear + "&group=" + group);
        URI ping = URI.create(base + "/api/ping");
        FixedRateLoad anonymous = new FixedRateLoad();
        FixedRateLoad member = new FixedRateLoad(Map.of("Authorization", "Bearer " + token));
        String session = session(portal, base, MEMBER, password);
        FixedRateLoad browser = new FixedRateLoad(Map.of("Cookie", session));

        record Target(String name, FixedRateLoad load, URI uri) {}
        List<Target> targets = List.of(
                new Target("GET /api/ping (floor)", anonymous, ping),
                new Target("GET /api/ping with the member's token", member, ping),
                new Target("API, " + DEMO_YEAR + " demo survey (" + shape(portal, token, demo) + ")", member, demo),
                new Target("API, the benchmark's survey (" + shape(portal, token, large) + ")", member, large),
                new Target(
                        "page, " + DEMO_YEAR + " demo survey, signed in", browser, checked(portal, demoPage, session)),
                new Target("page, the benchmark's survey, signed in", browser, checked(portal, largePage, session)));
        for (Target target : targets) {
            target.load().run(target.uri(), settings.rate() / 2, settings.warmup());
        }
        Map<String, Object> atRate = new LinkedHashMap<>();
        Map<String, FixedRateLoad.Result> results = new LinkedHashMap<>();
        for (Target target : targets) {
            LOG.info(() -> target.name() + " at " + settings.rate() + "/s for " + settings.duration());
            FixedRateLoad.Result result = target.load().run(target.uri(), settings.rate(), settings.duration());
            results.put(target.name(), result);
            atRate.put(target.name(), result.toMap());
        }
        report.section(
                "the benchmark beside group=" + group + " at " + (long) settings.rate() + " requests a second:"
                        + " GET /api/surveys/{id}/benchmark with a bearer token, /surveys/results.xhtml with a session"
                        + " (ms)",
                atRate);

        FixedRateLoad.Result floor = results.get(targets.get(0).name());
        Map<String, Object> ratios = new LinkedHashMap<>();
        results.forEach((name, result) -> {
            Map<String, Object> ratio = new LinkedHashMap<>();
            ratio.put(
                    "p50",
                    Math.round(result.latencies().p(50) / floor.latencies().p(50) * 10) / 10.0);
            ratio.put(
                    "p95",
                    Math.round(result.latencies().p(95) / floor.latencies().p(95) * 10) / 10.0);
            ratios.put(name, ratio);
        });
        report.section("as a multiple of GET /api/ping's", ratios);
        for (Target target : targets.subList(2, targets.size())) {
            FixedRateLoad.Result result = results.get(target.name());
            report.target(
                    target.name() + ": p95 at " + (long) settings.rate() + "/s, no errors",
                    String.format("p95 %.1f ms, %d errors", result.latencies().p(95), result.errors()),
                    result.errors() == 0);
        }

        String pair = MEMBER + ":" + password;
        FixedRateLoad basic = new FixedRateLoad(Map.of(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8))));
        LOG.info(() -> "The " + DEMO_YEAR + " benchmark with HTTP Basic at " + settings.basicRate() + "/s");
        FixedRateLoad.Result withBasic = basic.run(demo, settings.basicRate(), settings.duration());
        report.section(
                "API, " + DEMO_YEAR + " demo survey, with HTTP Basic at " + (long) settings.basicRate()
                        + " requests a second (ms)",
                withBasic.toMap());
    }

    /** The Cookie header of a session signed in through the form, as a browser holds it. */
    private static String session(Portal portal, String base, String email, String password) {
        CookieManager cookies = new CookieManager();
        HttpClient pages = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        portal.signInThroughTheForm(pages, email, password);
        return cookies.getCookieStore().get(URI.create(base)).stream()
                .map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    /** {@code page}, once it shows the member's district beside the group. */
    private static URI checked(Portal portal, URI page, String session) {
        Portal.Answer answer = portal.send(HttpRequest.newBuilder(page).header("Cookie", session));
        if (answer.status() != 200 || !answer.body().contains("answers are marked")) {
            throw new IllegalStateException(page + " shows no benchmark of the member's district: " + answer);
        }
        return page;
    }

    /** How many questions and districts a benchmark answer covers, checking that the member may read it. */
    private static String shape(Portal portal, String token, URI benchmark) {
        Portal.Answer answer =
                portal.send(HttpRequest.newBuilder(benchmark).header("Authorization", "Bearer " + token));
        if (answer.status() != 200) {
            throw new IllegalStateException(benchmark + " answered " + answer);
        }
        JsonObject json = answer.json();
        return json.getJsonArray("questions").size() + " questions, " + json.get("respondents") + " in the group";
    }

    private static String token(Portal portal, String email, String password) {
        return portal.postJson("/api/me/tokens", "{\"name\": \"survey benchmark\"}", email, password)
                .json()
                .getString("token");
    }

    /** The time the transition took, as the client saw it. */
    private static long transition(Portal portal, String token, long surveyId, String to) {
        long started = System.nanoTime();
        send(portal, token, "/api/surveys/" + surveyId + "/transitions", "{\"to\": \"" + to + "\"}", 200);
        return millisSince(started);
    }

    private static Portal.Answer send(Portal portal, String token, String path, String json, int expected) {
        Portal.Answer answer = portal.send(portal.request(path)
                .timeout(PUBLISH_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
        if (answer.status() != expected) {
            throw new IllegalStateException(path + " answered " + answer);
        }
        return answer;
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }
}

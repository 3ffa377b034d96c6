package org.ctoforum.reliability;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.bench.PackagedPortal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Issue 8, point 5, "slow requests are bounded": 300 connections whose headers never end and 100 whose bodies
 * trickle in, from one address, while another client reads pages at a fixed rate. First straight at the portal,
 * whose request timeout (shortened to 10 s here) must cut every trickling body off with a 408; then through nginx
 * running {@code docker/nginx.conf} itself, which must drop the endless headers after its 10 s and keep the bodies
 * away from the portal. In both, the reader's pages must not suffer. Last, behind nginx, the session cookie must be
 * Secure, since the public address is https.
 */
final class SlowClientsScenario {

    private static final Logger LOG = Logger.getLogger(SlowClientsScenario.class.getName());

    private static final int HTTP_PORT = 18_192;
    private static final int DB_PORT = 54_790;
    private static final int NGINX_PORT = 18_193;
    private static final int REQUEST_TIMEOUT_SECONDS = 10;
    private static final int NGINX_HEADER_TIMEOUT_SECONDS = 10;
    private static final int SLOW_HEADERS = 300;
    private static final int SLOW_BODIES = 100;
    /** The attackers' address; the reader comes from 127.0.0.1, so nginx's per-address limits keep them apart. */
    private static final String ATTACKER = "127.0.0.2";

    private static final double READER_RATE = 20;
    /** The reader alone first; its first seconds warm the portal up and are not judged. */
    private static final Duration QUIET = Duration.ofSeconds(15);

    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final Duration ATTACK = Duration.ofSeconds(30);
    private static final long READER_P99_MILLIS = 500;
    private static final double SLACK_SECONDS = 5;
    private static final String PUBLIC_ADDRESS = "https://forum.example.org";

    private final BenchReport report = new BenchReport(Scenarios.REPORTS, "slow");

    static boolean run(Path work) throws Exception {
        return new SlowClientsScenario().measure(work.resolve("slow"));
    }

    private boolean measure(Path work) throws Exception {
        TimeBoxedParts.deleteTree(work);
        try (PackagedPortal running = PackagedPortal.start(
                work.resolve("data"),
                HTTP_PORT,
                DB_PORT,
                "512m",
                Duration.ofMinutes(3),
                "portal.http.request-timeout-seconds=" + REQUEST_TIMEOUT_SECONDS,
                "portal.proxy.trusted-addresses=127.0.0.1",
                // As in production, where nginx ends TLS: the public address is https.
                "portal.base.url=" + PUBLIC_ADDRESS)) {
            straightAtThePortal(running);
            Process nginx = startNginx(work.resolve("nginx"), running.dataDir());
            try {
                throughNginx();
                sessionCookieBehindTls();
            } finally {
                nginx.destroy();
                nginx.waitFor(10, TimeUnit.SECONDS);
            }
        }
        return Scenarios.finish(report);
    }

    private void straightAtThePortal(PackagedPortal running) throws Exception {
        Attack attack = attack("portal", new InetSocketAddress("127.0.0.1", HTTP_PORT), running.baseUrl());
        allEndedWithin(
                "straight at the portal: every trickling body answered 408 within the request timeout",
                attack.bodies(),
                "408"::equals,
                REQUEST_TIMEOUT_SECONDS);
        // Grizzly parses headers without a thread, so endless headers cost the portal a socket each and no more.
        readerUnharmed("straight at the portal", attack.reader());
    }

    private void throughNginx() throws Exception {
        Attack attack =
                attack("nginx", new InetSocketAddress("127.0.0.1", NGINX_PORT), "http://127.0.0.1:" + NGINX_PORT);
        allEndedWithin(
                "through nginx: every endless header dropped within its client_header_timeout",
                attack.headers(),
                outcome -> !outcome.equals("open"),
                NGINX_HEADER_TIMEOUT_SECONDS);
        // nginx holds the bodies itself (the portal never sees an unfinished request) and refuses what passes the
        // per-address connection limit.
        readerUnharmed("through nginx", attack.reader());
    }

    /** The target that every connection ended as {@code wanted} within {@code seconds}, give or take 5 s. */
    private void allEndedWithin(
            String target, List<TricklingClients.Ending> endings, Predicate<String> wanted, int seconds) {
        long ended = endings.stream()
                .filter(e -> wanted.test(e.outcome()) && e.seconds() <= seconds + SLACK_SECONDS)
                .count();
        report.target(
                target + " (" + seconds + " s) + 5 s",
                ended + " of " + endings.size() + ", slowest " + slowest(endings) + " s",
                ended == endings.size());
    }

    private void sessionCookieBehindTls() throws Exception {
        HttpResponse<Void> signIn = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + NGINX_PORT + "/signin.xhtml"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
        String cookie = signIn.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("PORTAL_SESSION="))
                .findFirst()
                .orElse("");
        List<String> attributes =
                List.of(cookie.replaceFirst("^[^;]*;?", "").strip().split("\\s*;\\s*"));
        List<String> lowerCase =
                attributes.stream().map(a -> a.toLowerCase(Locale.ROOT)).toList();
        report.target(
                "behind nginx, the public address being " + PUBLIC_ADDRESS + ": the session cookie is Secure,"
                        + " HttpOnly and SameSite=Lax",
                cookie.isEmpty() ? "no session cookie" : String.join("; ", attributes),
                // Attribute names and values are case-insensitive (RFC 6265); Payara writes "SameSite=lax".
                lowerCase.containsAll(List.of("secure", "httponly", "samesite=lax")));
    }

    private record Attack(
            List<TricklingClients.Ending> headers,
            List<TricklingClients.Ending> bodies,
            List<MixedLoad.Exchange> reader) {}

    /**
     * A reader of pages and API at a fixed rate: {@link #QUIET} alone, which also warms the portal up, then
     * {@link #ATTACK} beside the trickling connections. Answers the attack's endings and the reader's requests.
     */
    private Attack attack(String target, InetSocketAddress address, String base) throws Exception {
        MixedLoad reader = new MixedLoad();
        reader.start(
                READER_RATE,
                i -> i % 2 == 0
                        ? new MixedLoad.Planned(
                                "page",
                                MixedLoad.request(URI.create(base + "/discussions/index.xhtml"))
                                        .GET()
                                        .build())
                        : new MixedLoad.Planned(
                                "API read",
                                MixedLoad.request(URI.create(base + "/api/categories"))
                                        .GET()
                                        .build()));
        Thread.sleep(QUIET.toMillis());
        LOG.info(() -> "Slow clients against " + target);
        long attackStart = reader.elapsedMillis();
        List<TricklingClients.Ending> headers;
        List<TricklingClients.Ending> bodies;
        try (TricklingClients slowHeaders =
                        TricklingClients.open(ATTACKER, address, SLOW_HEADERS, TricklingClients.Kind.HEADERS);
                TricklingClients slowBodies =
                        TricklingClients.open(ATTACKER, address, SLOW_BODIES, TricklingClients.Kind.BODY)) {
            Thread.sleep(ATTACK.toMillis());
            reader.close();
            headers = slowHeaders.endings();
            bodies = slowBodies.endings();
        }
        List<MixedLoad.Exchange> quiet = reader.dueBetween(WARM_UP.toMillis(), attackStart);
        List<MixedLoad.Exchange> during = reader.dueBetween(attackStart, Long.MAX_VALUE);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("reader p50 / p99 before the attack (ms)", percentile(quiet, 50) + " / " + percentile(quiet, 99));
        figures.put("reader p50 / p99 during the attack (ms)", percentile(during, 50) + " / " + percentile(during, 99));
        figures.put("endless headers", TricklingClients.outcomes(headers));
        figures.put("endless headers, slowest ended (s)", slowest(headers));
        figures.put("trickling bodies", TricklingClients.outcomes(bodies));
        figures.put("trickling bodies, slowest ended (s)", slowest(bodies));
        figures.putAll(Scenarios.summary(during));
        report.section(target + ", " + ATTACK.toSeconds() + " s of slow clients", figures);
        return new Attack(headers, bodies, during);
    }

    private void readerUnharmed(String where, List<MixedLoad.Exchange> reader) {
        long failed = reader.stream().filter(e -> !e.ok()).count();
        long p99 = percentile(reader, 99);
        report.target(
                where + ": the reader's " + reader.size() + " requests meanwhile all succeed, p99 ≤ "
                        + READER_P99_MILLIS + " ms",
                failed + " failed, p99 " + p99 + " ms",
                !reader.isEmpty() && failed == 0 && p99 <= READER_P99_MILLIS);
    }

    private static long percentile(List<MixedLoad.Exchange> exchanges, double percent) {
        return exchanges.stream()
                .mapToLong(MixedLoad.Exchange::millis)
                .sorted()
                .skip(Math.max(0, (long) Math.ceil(exchanges.size() * percent / 100) - 1))
                .findFirst()
                .orElse(0);
    }

    private static double slowest(List<TricklingClients.Ending> endings) {
        double slowest = endings.stream()
                .mapToDouble(TricklingClients.Ending::seconds)
                .max()
                .orElse(0);
        return Math.round(slowest * 10) / 10.0;
    }

    /**
     * Debian's nginx with the shipped {@code docker/nginx.conf}, moved onto loopback: only the names the container
     * gives (its user, the portal's host, port 80, the files' volume) are replaced, each of which must be found.
     */
    private static Process startNginx(Path home, Path portalData) throws IOException, InterruptedException {
        Path root = home.toAbsolutePath();
        Files.createDirectories(root.resolve("tmp"));
        String config = Files.readString(Path.of("docker", "nginx.conf"));
        Map<String, String> loopback = new LinkedHashMap<>();
        loopback.put("user portal;", "user " + System.getProperty("user.name") + ";");
        loopback.put("server portal:8080;", "server 127.0.0.1:" + HTTP_PORT + ";");
        loopback.put("listen 80;", "listen 127.0.0.1:" + NGINX_PORT + ";");
        loopback.put(
                "alias /data/files/;", "alias " + portalData.toAbsolutePath().resolve("files") + "/;");
        loopback.put(
                "server_tokens off;",
                "server_tokens off; access_log " + root.resolve("access.log") + "; client_body_temp_path "
                        + root.resolve("tmp") + "; proxy_temp_path " + root.resolve("tmp") + ";");
        for (Map.Entry<String, String> replaced : loopback.entrySet()) {
            if (!config.contains(replaced.getKey())) {
                throw new IllegalStateException("docker/nginx.conf no longer has '" + replaced.getKey() + "'");
            }
            config = config.replace(replaced.getKey(), replaced.getValue());
        }
        Path file = root.resolve("nginx.conf");
        Files.writeString(file, config);
        Path nginx = Path.of("/usr/sbin/nginx");
        if (!Files.isExecutable(nginx)) {
            throw new IllegalStateException("This scenario needs Debian's nginx: sudo apt-get install nginx");
        }
        Process process = new ProcessBuilder(
                        nginx.toString(),
                        "-p",
                        root.toString(),
                        "-c",
                        file.toString(),
                        "-g",
                        "daemon off; pid " + root.resolve("nginx.pid") + "; error_log " + root.resolve("error.log")
                                + ";")
                .redirectErrorStream(true)
                .redirectOutput(root.resolve("nginx.out").toFile())
                .start();
        Thread.sleep(500);
        if (!process.isAlive()) {
            throw new IllegalStateException("nginx did not start: " + Files.readString(root.resolve("nginx.out")));
        }
        return process;
    }
}

package org.ctoforum.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Issue 7's downloads: the portal's gated download of a 100 MB report beside nginx serving the same bytes with
 * sendfile, both loaded by wrk on loopback in alternating rounds; then one 1 GB download from a portal limited to a
 * 256 MB heap, watching its resident memory. Needs Debian's {@code nginx} and {@code wrk}.
 */
final class DownloadBenchmark {

    private static final Logger LOG = Logger.getLogger(DownloadBenchmark.class.getName());

    private static final int HTTP_PORT = 18_092;
    private static final int DB_PORT = 54_492;
    private static final int NGINX_PORT = 18_093;
    private static final int NGINX_PROXY_PORT = 18_095;
    private static final String INTERNAL_LOCATION = "/internal-files/";
    private static final long MB = 1024L * 1024;
    private static final Pattern TRANSFER = Pattern.compile("Transfer/sec:\\s+([\\d.]+)([KMG]?B)");
    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)|Socket errors: (.*)");

    record Settings(int reportMb, int largeMb, int seconds, int connections, int rounds) {
        static Settings fromSystemProperties() {
            return new Settings(
                    Integer.getInteger("bench.downloads.mb", 100),
                    Integer.getInteger("bench.downloads.large-mb", 1024),
                    Integer.getInteger("bench.downloads.seconds", 20),
                    Integer.getInteger("bench.downloads.connections", 4),
                    Integer.getInteger("bench.downloads.rounds", 3));
        }
    }

    private final Settings settings;
    private final BenchReport report = new BenchReport("downloads");

    private DownloadBenchmark(Settings settings) {
        this.settings = settings;
    }

    static boolean run(Path work) throws Exception {
        for (String tool : List.of("nginx", "wrk")) {
            if (!onPath(tool)) {
                throw new IllegalStateException("The downloads benchmark needs " + tool
                        + " (sudo apt-get install nginx wrk); the other parts run without it.");
            }
        }
        return new DownloadBenchmark(Settings.fromSystemProperties()).measure(work.resolve("downloads"));
    }

    private boolean measure(Path work) throws Exception {
        TimeBoxedParts.deleteTree(work);
        Path files = work.resolve("files");
        Path data = work.resolve("data");
        Path pdf = LargePdf.write(files.resolve("report.pdf"), settings.reportMb() * MB);
        String path;
        String token;
        try (PackagedPortal running = startPortal(data, "");
                Nginx nginx = Nginx.start(work.resolve("nginx"), files, data.resolve("files"))) {
            Portal portal = new Portal(URI.create(running.baseUrl() + "/").toURL());
            long id = publish(portal, running.baseUrl(), pdf, "Benchmark report", running.demoPassword());
            token = portal.postJson(
                            "/api/me/tokens",
                            "{\"name\": \"download benchmark\"}",
                            "member@demo.local",
                            running.demoPassword())
                    .json()
                    .getString("token");
            path = "/api/reports/" + id + "/file";
            throughput("the portal sends the bytes", nginx.staticUrl("report.pdf"), running.baseUrl() + path, token);
            largeDownload(files, portal, running, token);
        }
        // The same data again, now behind nginx: the portal checks and logs, nginx sends with sendfile.
        try (PackagedPortal ignored = startPortal(data, INTERNAL_LOCATION);
                Nginx nginx = Nginx.start(work.resolve("nginx"), files, data.resolve("files"))) {
            throughput("behind nginx, X-Accel-Redirect", nginx.staticUrl("report.pdf"), nginx.proxiedUrl(path), token);
        }
        Path written = report.write();
        LOG.info(() -> "Wrote " + written.toAbsolutePath());
        return report.allMet();
    }

    private PackagedPortal startPortal(Path data, String accelRedirect) throws IOException, InterruptedException {
        return PackagedPortal.start(
                data,
                HTTP_PORT,
                DB_PORT,
                "256m",
                Duration.ofMinutes(3),
                "portal.reports.upload-max-bytes=" + (settings.largeMb() + 64) * MB,
                "portal.downloads.accel-redirect=" + accelRedirect,
                // wrk downloads far faster than anyone may.
                "portal.limits.downloads-per-hour=100000000",
                "portal.limits.downloads-per-hour-per-address=100000000");
    }

    /** Alternating rounds, so both servers see the same machine; the median round of each is the figure. */
    private void throughput(String mode, String nginxUrl, String portalUrl, String token) throws Exception {
        wrk(nginxUrl, null, 5);
        wrk(portalUrl, token, 5);
        List<Double> nginx = new ArrayList<>();
        List<Double> portal = new ArrayList<>();
        Map<String, Object> rounds = new LinkedHashMap<>();
        for (int round = 1; round <= settings.rounds(); round++) {
            Map<String, Object> ofNginx = wrk(nginxUrl, null, settings.seconds());
            Map<String, Object> ofPortal = wrk(portalUrl, token, settings.seconds());
            nginx.add((Double) ofNginx.get("mb_per_s"));
            portal.add((Double) ofPortal.get("mb_per_s"));
            rounds.put("round " + round + ", nginx", ofNginx);
            rounds.put("round " + round + ", portal", ofPortal);
        }
        report.section(
                mode + ": wrk, " + settings.connections() + " connections, " + settings.seconds() + " s a round, "
                        + settings.reportMb() + " MB file",
                rounds);
        double nginxMedian = median(nginx);
        double portalMedian = median(portal);
        double share = portalMedian / nginxMedian;
        report.section(
                mode + ": median of " + settings.rounds() + " rounds",
                Map.of(
                        "nginx_mb_per_s", nginxMedian,
                        "portal_mb_per_s", portalMedian,
                        "portal_share_of_nginx", Math.round(share * 1000) / 1000.0));
        report.target(
                mode + ": portal ≥ 80% of nginx's throughput",
                String.format("%.0f%% (%.0f of %.0f MB/s)", share * 100, portalMedian, nginxMedian),
                share >= 0.8);
    }

    /** One 1 GB download at -Xmx256m, with the portal's resident memory sampled every 100 ms. */
    private void largeDownload(Path files, Portal portal, PackagedPortal running, String token) throws Exception {
        Path large = LargePdf.write(files.resolve("large.pdf"), settings.largeMb() * MB);
        long id = publish(portal, running.baseUrl(), large, "Large benchmark report", running.demoPassword());
        Files.delete(large);
        long before = residentKb(running.pid());
        AtomicLong peak = new AtomicLong(before);
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(residentKb(running.pid()), Math::max);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        long started = System.nanoTime();
        HttpResponse<Long> response;
        try {
            HttpClient client =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            response = client.send(
                    HttpRequest.newBuilder(URI.create(running.baseUrl() + "/api/reports/" + id + "/file"))
                            .header("Authorization", "Bearer " + token)
                            .build(),
                    info -> HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofInputStream(), in -> {
                        try (in) {
                            return in.transferTo(java.io.OutputStream.nullOutputStream());
                        } catch (IOException e) {
                            return -1L;
                        }
                    }));
        } finally {
            sampler.interrupt();
            sampler.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long after = residentKb(running.pid());
        long expected = settings.largeMb() * MB;
        boolean complete = response.statusCode() == 200 && response.body() >= expected - 1024;
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("status", response.statusCode());
        figures.put("bytes", response.body());
        figures.put("seconds", Math.round(seconds * 10) / 10.0);
        figures.put("mb_per_s", Math.round(response.body() / MB / seconds));
        figures.put("heap_limit", "-Xmx256m");
        figures.put("rss_before_mb", before / 1024);
        figures.put("rss_peak_during_mb", peak.get() / 1024);
        figures.put("rss_after_mb", after / 1024);
        report.section(settings.largeMb() + " MB download", figures);
        long growthMb = (peak.get() - before) / 1024;
        report.target(
                "1 GB download succeeds at -Xmx256m with flat resident memory (growth ≤ 64 MB)",
                String.format("%s, resident memory grew %d MB", complete ? "complete" : "INCOMPLETE", growthMb),
                complete && growthMb <= 64);
        LOG.info(() -> "Large download: " + figures);
    }

    /** Uploads the PDF as a members-only brief, has staff send it to review and admin publish it. */
    private static long publish(Portal portal, String baseUrl, Path pdf, String title, String password)
            throws IOException, InterruptedException {
        String boundary = "bench" + UUID.randomUUID().toString().replace("-", "");
        String metadata = "{\"title\": \"" + title + "\", \"summary\": \"A large file for the download benchmark\","
                + " \"kind\": \"BRIEF\", \"year\": 2026, \"access\": \"MEMBERS\", \"topics\": [\"Budget\"]}";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n" + metadata + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"report.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        HttpRequest upload = HttpRequest.newBuilder(URI.create(baseUrl + "/api/reports"))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Authorization", basic("staff@demo.local", password))
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofString(head),
                        HttpRequest.BodyPublishers.ofFile(pdf),
                        HttpRequest.BodyPublishers.ofString(tail)))
                .build();
        HttpResponse<String> created = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(upload, HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("Upload answered " + created.statusCode() + ": " + created.body());
        }
        long id = Long.parseLong(created.body().replaceAll("(?s).*?\"id\":(\\d+).*", "$1"));
        for (String[] step : new String[][] {{"IN_REVIEW", "staff@demo.local"}, {"PUBLISHED", "admin@demo.local"}}) {
            Portal.Answer moved = portal.postJson(
                    "/api/reports/" + id + "/transitions", "{\"to\": \"" + step[0] + "\"}", step[1], password);
            if (moved.status() != 200) {
                throw new IllegalStateException("Moving report " + id + " to " + step[0] + " answered " + moved);
            }
        }
        return id;
    }

    private Map<String, Object> wrk(String url, String token, int seconds) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                "wrk", "-t2", "-c" + settings.connections(), "-d" + seconds + "s", "--timeout", "30s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        Matcher transfer = TRANSFER.matcher(output);
        Matcher requests = REQUESTS.matcher(output);
        if (!transfer.find() || !requests.find()) {
            throw new IllegalStateException("wrk's output has no figures:\n" + output);
        }
        double value = Double.parseDouble(transfer.group(1));
        double mbPerSecond =
                switch (transfer.group(2)) {
                    case "GB" -> value * 1024;
                    case "KB" -> value / 1024;
                    case "B" -> value / MB;
                    default -> value;
                };
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mb_per_s", Math.round(mbPerSecond * 10) / 10.0);
        figures.put("requests_per_s", Double.parseDouble(requests.group(1)));
        Matcher errors = ERRORS.matcher(output);
        figures.put("errors", errors.find() ? errors.group().strip() : "none");
        return figures;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static long residentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // The process ended; nothing to add.
        }
        return 0;
    }

    private static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static boolean onPath(String tool) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(folder, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    /**
     * nginx on loopback with sendfile: one server for the benchmark's folder, and one in front of the portal whose
     * internal location serves the portal's stored files, as the README's deployment does.
     */
    private static final class Nginx implements AutoCloseable {
        private final Process process;

        private Nginx(Process process) {
            this.process = process;
        }

        static Nginx start(Path prefix, Path root, Path portalFiles) throws IOException, InterruptedException {
            Path home = prefix.toAbsolutePath();
            Files.createDirectories(home.resolve("logs"));
            Files.createDirectories(home.resolve("tmp"));
            Path config = home.resolve("nginx.conf");
            Files.writeString(
                    config,
                    String.join(
                            "\n",
                            "daemon off;",
                            // The portal's files are readable by their owner only, as they should be.
                            "user " + System.getProperty("user.name") + ";",
                            "worker_processes 2;",
                            "pid " + home.resolve("nginx.pid") + ";",
                            "error_log " + home.resolve("logs/error.log") + ";",
                            "events { worker_connections 256; }",
                            "http {",
                            "  sendfile on; tcp_nopush on; access_log off;",
                            "  client_body_temp_path " + home.resolve("tmp") + ";",
                            "  proxy_temp_path " + home.resolve("tmp") + ";",
                            "  server { listen 127.0.0.1:" + NGINX_PORT + "; root " + root.toAbsolutePath() + "; }",
                            "  server {",
                            "    listen 127.0.0.1:" + NGINX_PROXY_PORT + ";",
                            "    location " + INTERNAL_LOCATION + " { internal; alias " + portalFiles.toAbsolutePath()
                                    + "/; }",
                            "    location / { proxy_pass http://127.0.0.1:" + HTTP_PORT + "; proxy_http_version 1.1;"
                                    + " proxy_set_header Host $host; proxy_set_header X-Forwarded-For $remote_addr; }",
                            "  }",
                            "}",
                            ""));
            String nginx = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
            Process process = new ProcessBuilder(nginx, "-p", home.toString(), "-c", config.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(home.resolve("logs/nginx.out").toFile())
                    .start();
            Thread.sleep(500);
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "nginx did not start: " + Files.readString(home.resolve("logs/nginx.out")));
            }
            return new Nginx(process);
        }

        String staticUrl(String file) {
            return "http://127.0.0.1:" + NGINX_PORT + "/" + file;
        }

        String proxiedUrl(String path) {
            return "http://127.0.0.1:" + NGINX_PROXY_PORT + path;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}

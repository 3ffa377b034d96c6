package org.ctoforum.cluster;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.ctoforum.bench.BenchReport;
import org.ctoforum.testing.Portal;
import org.ctoforum.testing.TimeBoxedParts;

/**
 * Issue 27's proof, too long for the test run: {@code ./mvnw -Pcluster verify [-Dcluster.parts=search,kill]}. Three
 * nodes of the packaged portal, PostgreSQL and nginx on this machine ({@link PortalCluster}), started once for all
 * parts and stopped at the end; each part writes {@code target/cluster/<part>.json} and {@code .md}. The run ends by
 * itself after {@code -Dcluster.timeout.minutes} (90; a whole run took 27 to 40 minutes here), and a missed target fails it.
 */
public final class ClusterScenarios {

    private static final Logger LOG = Logger.getLogger(ClusterScenarios.class.getName());
    static final Path REPORTS = Path.of("target", "cluster");
    private static final Path WORK = REPORTS.resolve("work");

    private static PortalCluster cluster;

    /** A part given the running cluster and its report, which it fills; answers whether its targets were met. */
    @FunctionalInterface
    interface ClusterPart {
        void run(PortalCluster cluster, BenchReport report) throws Exception;
    }

    private static Map<String, TimeBoxedParts.Part> parts() {
        Map<String, TimeBoxedParts.Part> parts = new LinkedHashMap<>();
        parts.put("start", part("start", StartOnce::run));
        parts.put("search", part("search", SearchAcrossNodes::run));
        parts.put("limits", part("limits", SharedLimits::run));
        parts.put("release", part("release", ReleaseOnce::run));
        parts.put("kill", part("kill", FailoverUnderLoad::kill));
        parts.put("rolling", part("rolling", FailoverUnderLoad::rolling));
        parts.put("throughput", part("throughput", Throughput::run));
        return parts;
    }

    public static void main(String[] args) throws Exception {
        boolean allMet;
        try {
            allMet = TimeBoxedParts.run(
                    "cluster part", parts(), args, WORK, Integer.getInteger("cluster.timeout.minutes", 90));
        } finally {
            if (cluster != null) {
                cluster.close();
            }
        }
        LOG.info(allMet ? "Every target was met" : "Some targets were missed: see target/cluster/*.md");
        System.exit(allMet ? 0 : 1);
    }

    /**
     * Runs {@code part} on the cluster, started at the first part that needs it. A part that throws still writes
     * its report, with the error as a missed target, and the next part runs on.
     */
    private static TimeBoxedParts.Part part(String name, ClusterPart part) {
        return work -> {
            BenchReport report = new BenchReport(REPORTS, name);
            int failedStartsBefore =
                    cluster == null ? 0 : cluster.failedStarts().size();
            try {
                if (cluster == null) {
                    cluster = PortalCluster.start(work.resolve("cluster"));
                } else {
                    cluster.startMissing();
                }
                part.run(cluster, report);
            } catch (Exception | AssertionError e) {
                LOG.log(Level.SEVERE, "The " + name + " part failed", e);
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                Files.createDirectories(REPORTS);
                Path error = REPORTS.resolve(name + "-error.txt");
                Files.writeString(error, trace.toString(), StandardCharsets.UTF_8);
                String first = String.valueOf(e).lines().findFirst().orElse("");
                report.target("the part ran to its end", first + " (see " + error + ")", false);
            }
            if (cluster != null && cluster.failedStarts().size() > failedStartsBefore) {
                report.section(
                        "node starts that failed and were tried again",
                        Map.of(
                                "failed",
                                cluster.failedStarts()
                                        .subList(
                                                failedStartsBefore,
                                                cluster.failedStarts().size())));
            }
            return finish(report);
        };
    }

    private static boolean finish(BenchReport report) throws IOException {
        Path written = report.write();
        LOG.info(() -> "Wrote " + written.toAbsolutePath());
        return report.allMet();
    }

    /** An API token of a demo account, asked of {@code portal} with the demo password. */
    static String token(Portal portal, String email, String password) {
        Portal.Answer answer = portal.postJson("/api/me/tokens", "{\"name\": \"cluster\"}", email, password);
        if (answer.status() != 201 && answer.status() != 200) {
            throw new IllegalStateException("No token for " + email + ": " + answer);
        }
        return answer.json().getString("token");
    }

    private ClusterScenarios() {}
}

package org.ctoforum.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Requests sent on a fixed schedule, whatever the answers do. Each response time counts from when the request was
 * due, not from when a free thread got round to sending it, so a server that stalls is charged for every request
 * that waited: the correction for coordinated omission that wrk2 and Gatling make.
 */
public final class FixedRateLoad {

    private static final int MAX_IN_FLIGHT = 128;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DRAIN = Duration.ofSeconds(60);

    /** What one run measured; {@code errors} counts timeouts, failed connections and any status but 200. */
    public record Result(double rate, long seconds, Latencies latencies, long errors, long sent) {
        public Map<String, Object> toMap() {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("rate_per_s", rate);
            figures.put("seconds", seconds);
            figures.putAll(latencies.toMap());
            figures.put("errors", errors);
            return figures;
        }
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final Map<String, String> headers;

    public FixedRateLoad() {
        this(Map.of());
    }

    /** Sends {@code headers} with every request, e.g. the Authorization of a signed-in client. */
    public FixedRateLoad(Map<String, String> headers) {
        this.headers = Map.copyOf(headers);
    }

    /** Sends GET {@code uri} at {@code rate} requests a second for {@code duration}, and waits for the last answer. */
    public Result run(URI uri, double rate, Duration duration) throws InterruptedException {
        return run(i -> uri, rate, duration);
    }

    /** As {@link #run(URI, double, Duration)}, with the {@code i}th request sent to {@code uris.apply(i)}. */
    public Result run(LongFunction<URI> uris, double rate, Duration duration) throws InterruptedException {
        Latencies latencies = new Latencies();
        AtomicLong errors = new AtomicLong();
        long interval = Math.round(1_000_000_000 / rate);
        long count = Math.round(rate * duration.toSeconds());
        ExecutorService senders = Executors.newFixedThreadPool(MAX_IN_FLIGHT);
        long start = System.nanoTime();
        try {
            for (long i = 0; i < count; i++) {
                long due = start + i * interval;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                HttpRequest.Builder builder = HttpRequest.newBuilder(uris.apply(i))
                        .timeout(REQUEST_TIMEOUT)
                        .GET();
                headers.forEach(builder::header);
                HttpRequest request = builder.build();
                senders.execute(() -> {
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.record(System.nanoTime() - due);
                });
            }
        } finally {
            senders.shutdown();
            // Every request is waited for, so a backlog never spills into the next run; what is still queued
            // after that is dropped and counted as failed.
            if (!senders.awaitTermination(duration.toSeconds() + DRAIN.toSeconds(), TimeUnit.SECONDS)) {
                senders.shutdownNow();
                senders.awaitTermination(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            }
        }
        long unanswered = count - latencies.count();
        return new Result(rate, duration.toSeconds(), latencies, errors.get() + unanswered, count);
    }

    /**
     * Raises the rate step by step until p99 passes {@code p99Limit} or a request fails, and answers the last rate
     * that kept within it (0 when even the first did not).
     */
    public Map<String, Object> capacity(URI uri, double firstRate, double factor, Duration step, Duration p99Limit)
            throws InterruptedException {
        Map<String, Object> steps = new LinkedHashMap<>();
        double passed = 0;
        for (double rate = firstRate; ; rate = Math.round(rate * factor)) {
            Result result = run(uri, rate, step);
            steps.put(String.valueOf((long) rate), result.toMap());
            boolean within = result.errors() == 0 && result.latencies().p(99) <= p99Limit.toMillis();
            if (!within) {
                break;
            }
            passed = rate;
        }
        Map<String, Object> capacity = new LinkedHashMap<>();
        capacity.put("capacity_per_s", passed);
        capacity.put("steps", steps);
        return capacity;
    }
}

package org.ctoforum.reliability;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * Requests at a fixed arrival rate, each one recorded: when it was due, how long it took, what came back. The
 * scenarios read the records by time window, so they can judge the answers during an outage apart from those after.
 * The body of a read is kept only in part, so that minutes of pages at 50 a second fit in memory; a write's is
 * kept whole, for the id it acknowledges.
 */
public final class MixedLoad implements AutoCloseable {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(20);
    private static final int READ_BODY_KEPT = 500;

    /** One request: its kind, when it was due (ms since the start), its latency, status and content type. */
    public record Exchange(String kind, long dueMillis, long millis, int status, String contentType, String body) {
        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** A request of the mix; {@code i} counts the requests sent so far. */
    public record Planned(String kind, HttpRequest request) {}

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final ExecutorService senders = Executors.newFixedThreadPool(64);
    private final List<Exchange> exchanges = new ArrayList<>();
    private final long start = System.nanoTime();
    private volatile boolean stopped;
    private Thread pacer;

    /** Starts sending {@code rate} requests a second, the {@code i}th being {@code plan.apply(i)}, until closed. */
    public void start(double rate, LongFunction<Planned> plan) {
        long interval = Math.round(1_000_000_000 / rate);
        pacer = new Thread(
                () -> {
                    for (long i = 0; !stopped; i++) {
                        long due = start + i * interval;
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        senders.execute(new Send(plan.apply(i), due));
                    }
                },
                "mixed-load");
        pacer.start();
    }

    /** A request waiting for a free sender, or being sent. */
    private final class Send implements Runnable {
        private final Planned planned;
        private final long due;

        Send(Planned planned, long due) {
            this.planned = planned;
            this.due = due;
        }

        @Override
        public void run() {
            send(planned, due);
        }
    }

    private void send(Planned planned, long due) {
        int status;
        String type = "";
        String body = "";
        try {
            HttpResponse<String> response = client.send(planned.request(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            type = response.headers().firstValue("Content-Type").orElse("");
            body = planned.request().method().equals("GET")
                    ? response.body()
                            .substring(
                                    0, Math.min(READ_BODY_KEPT, response.body().length()))
                    : response.body();
        } catch (Exception e) {
            status = 0;
            body = e.toString();
        }
        record(planned, due, status, type, body);
    }

    private void record(Planned planned, long due, int status, String type, String body) {
        long now = System.nanoTime();
        Exchange exchange =
                new Exchange(planned.kind(), (due - start) / 1_000_000, (now - due) / 1_000_000, status, type, body);
        synchronized (exchanges) {
            exchanges.add(exchange);
        }
    }

    public long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** The requests that were due in [{@code fromMillis}, {@code toMillis}). */
    public List<Exchange> dueBetween(long fromMillis, long toMillis) {
        synchronized (exchanges) {
            return exchanges.stream()
                    .filter(e -> e.dueMillis() >= fromMillis && e.dueMillis() < toMillis)
                    .toList();
        }
    }

    public static HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT);
    }

    /**
     * Stops sending and waits for the answers, as long as one request may take. Requests still waiting for a free
     * sender by then (the portal answered too slowly for 64 senders to keep up) are recorded as failed, with no
     * answer, and those still in flight are cut off and recorded so: each request that was due counts.
     */
    @Override
    public void close() throws InterruptedException {
        stopped = true;
        if (pacer != null) {
            pacer.join();
        }
        senders.shutdown();
        if (!senders.awaitTermination(REQUEST_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS)) {
            for (Runnable never : senders.shutdownNow()) {
                Send unsent = (Send) never;
                record(unsent.planned, unsent.due, 0, "", "never sent: every sender was waiting for an answer");
            }
            senders.awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}

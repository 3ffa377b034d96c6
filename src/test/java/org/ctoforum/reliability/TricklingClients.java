package org.ctoforum.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connections that send their request a few bytes every two seconds and never finish it, as a slowloris attack does:
 * either the headers never end, or the headers promise a body that trickles in. Each connection records how it ended
 * and when: answered with a status, closed, reset, or still open.
 */
final class TricklingClients implements AutoCloseable {

    enum Kind {
        HEADERS,
        BODY
    }

    private static final long TRICKLE_NANOS = 2_000_000_000L;
    private static final long POLL_MILLIS = 100;
    private static final Pattern STATUS_LINE = Pattern.compile("^HTTP/1\\.[01] (\\d{3})");

    private static final class Connection {
        final SocketChannel channel;
        final long opened = System.nanoTime();
        final ByteArrayOutputStream answer = new ByteArrayOutputStream();
        long lastTrickle = opened;
        int trickles;
        String outcome;
        long endedNanos;

        Connection(SocketChannel channel) {
            this.channel = channel;
        }
    }

    /** How one connection ended: {@code outcome} is a status code, "closed", "reset" or "open"; seconds after opening. */
    record Ending(String outcome, double seconds) {}

    private final Kind kind;
    private final List<Connection> connections = new ArrayList<>();
    private final Thread ticker;
    private volatile boolean stopped;

    private TricklingClients(Kind kind) {
        this.kind = kind;
        this.ticker = new Thread(this::tick, "trickling-" + kind.name().toLowerCase());
    }

    /** Opens {@code count} connections from the local address {@code from} to {@code to}, and starts trickling. */
    static TricklingClients open(String from, InetSocketAddress to, int count, Kind kind) throws IOException {
        TricklingClients clients = new TricklingClients(kind);
        for (int i = 0; i < count; i++) {
            SocketChannel channel = SocketChannel.open();
            channel.bind(new InetSocketAddress(from, 0));
            channel.connect(to);
            channel.configureBlocking(false);
            Connection connection = new Connection(channel);
            clients.connections.add(connection);
            clients.write(connection, clients.opening(to));
        }
        clients.ticker.start();
        return clients;
    }

    private String opening(InetSocketAddress to) {
        String host = "Host: " + to.getHostString() + ":" + to.getPort() + "\r\n";
        return switch (kind) {
            case HEADERS -> "GET /api/categories HTTP/1.1\r\n" + host;
                // A registration: read by the portal only once the body is whole, and open to anyone.
            case BODY -> "POST /api/accounts HTTP/1.1\r\n" + host
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"email\": \"";
        };
    }

    private String trickle(Connection connection) {
        return kind == Kind.HEADERS ? "X-Trickle-" + connection.trickles + ": 1\r\n" : "a";
    }

    private void tick() {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        while (!stopped) {
            long now = System.nanoTime();
            synchronized (connections) {
                for (Connection connection : connections) {
                    if (connection.outcome != null) {
                        continue;
                    }
                    read(connection, buffer);
                    if (connection.outcome == null && now - connection.lastTrickle >= TRICKLE_NANOS) {
                        connection.trickles++;
                        connection.lastTrickle = now;
                        write(connection, trickle(connection));
                    }
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void read(Connection connection, ByteBuffer buffer) {
        try {
            int read;
            while ((read = connection.channel.read(buffer.clear())) > 0) {
                connection.answer.write(buffer.array(), 0, read);
            }
            Matcher status = STATUS_LINE.matcher(connection.answer.toString(StandardCharsets.ISO_8859_1));
            if (status.find()) {
                end(connection, status.group(1));
            } else if (read < 0) {
                end(connection, "closed");
            }
        } catch (IOException reset) {
            end(connection, "reset");
        }
    }

    private void write(Connection connection, String bytes) {
        try {
            connection.channel.write(ByteBuffer.wrap(bytes.getBytes(StandardCharsets.ISO_8859_1)));
        } catch (IOException reset) {
            end(connection, "reset");
        }
    }

    private static void end(Connection connection, String outcome) {
        connection.outcome = outcome;
        connection.endedNanos = System.nanoTime();
        try {
            connection.channel.close();
        } catch (IOException ignored) {
            // Already gone.
        }
    }

    /** Every connection's ending so far; those still trickling are "open", at their age now. */
    List<Ending> endings() {
        long now = System.nanoTime();
        synchronized (connections) {
            return connections.stream()
                    .map(c -> c.outcome == null
                            ? new Ending("open", (now - c.opened) / 1e9)
                            : new Ending(c.outcome, (c.endedNanos - c.opened) / 1e9))
                    .toList();
        }
    }

    /** How many ended each way, e.g. {"408": 100}. */
    static Map<String, Integer> outcomes(List<Ending> endings) {
        Map<String, Integer> outcomes = new TreeMap<>();
        endings.forEach(e -> outcomes.merge(e.outcome(), 1, Integer::sum));
        return outcomes;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        ticker.join();
        synchronized (connections) {
            connections.stream().filter(c -> c.outcome == null).forEach(c -> end(c, "open"));
        }
    }
}

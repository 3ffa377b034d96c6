package org.ctoforum.bench;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fills the discussion tables with a search-sized corpus through PostgreSQL's COPY, which takes seconds where one
 * insert per row would take many minutes.
 */
public final class BulkDiscussions {

    private static final String AUTHOR_EMAIL = "member@demo.local";
    private static final int TITLE_MAX_CHARACTERS = 200;
    private static final int GENERATED_TITLE_WORDS = 8;
    private static final Duration HISTORY = Duration.ofDays(5 * 365);
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+");
    private static final int SENTENCE_MIN_CHARS = 20;
    private static final int SENTENCE_MAX_CHARS = 400;

    /** What was loaded; {@code posts} counts each thread's first post and the replies. */
    public record Loaded(int threads, int posts, long millis) {
        public int replies() {
            return posts - threads;
        }
    }

    private final Connection connection;
    private final List<EuroparlCorpus.Line> lines;
    private final int threads;
    private final int documents;
    private final String[] sentences;
    private final Random random;
    private final Timeline timeline;

    private BulkDiscussions(
            Connection connection, List<EuroparlCorpus.Line> lines, int threads, int totalDocuments, long seed) {
        this.connection = connection;
        this.lines = lines;
        this.threads = Math.min(threads, totalDocuments);
        this.documents = totalDocuments;
        this.sentences = sentences(lines);
        if (documents > threads && sentences.length == 0) {
            throw new IllegalArgumentException("The corpus has no sentences to build replies from");
        }
        this.random = new Random(seed);
        this.timeline = new Timeline(documents, random);
    }

    /**
     * Makes {@code threads} threads, each opened with a corpus line (title and body; lines are reused, with a number
     * in the title, when there are more threads than lines), then replies built from the corpus' sentences until
     * threads plus replies reach {@code totalDocuments}. Everything is in the category {@code bench}, by
     * member@demo.local, dated over the last five years with dates rising with ids; one transaction. The search
     * index does not see the rows until it is rebuilt ({@code POST /api/admin/search/reindex}).
     */
    public static Loaded load(
            Connection connection, List<EuroparlCorpus.Line> lines, int threads, int totalDocuments, long seed)
            throws SQLException {
        long started = System.nanoTime();
        BulkDiscussions bulk = new BulkDiscussions(connection, lines, threads, totalDocuments, seed);
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            // Skips the per-row foreign-key triggers. The search change log is written by the portal, not by a
            // trigger, so nothing logs these rows either: they reach the index only through a rebuild.
            statement.execute("set session_replication_role = replica");
            long categoryId = bulk.benchCategory();
            long authorId = bulk.demoMember();
            long[] threadIds = bulk.reserveThreadIds();
            long[] threadCreated = bulk.copyThreads(threadIds, categoryId, authorId);
            int posts = bulk.copyPosts(threadIds, threadCreated, authorId);
            bulk.recountThreads(categoryId);
            // Fresh statistics, so the first benchmark queries get the plans the portal will have later.
            statement.execute("analyze discussion_thread, discussion_post");
            connection.commit();
            return new Loaded(bulk.threads, posts, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            try (Statement statement = connection.createStatement()) {
                statement.execute("reset session_replication_role");
            }
            connection.setAutoCommit(autoCommit);
        }
    }

    /**
     * What autovacuum does to a live database in its own time: sets the rows' hint bits and the visibility map, so
     * that the first reads of freshly copied rows do not each write their page back. Outside any transaction.
     */
    public static void vacuum(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("vacuum (analyze) discussion_thread, discussion_post");
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    private long benchCategory() throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet existing =
                        statement.executeQuery("select id from discussion_category where slug = 'bench'")) {
            if (existing.next()) {
                return existing.getLong(1);
            }
        }
        try (Statement statement = connection.createStatement();
                ResultSet created = statement.executeQuery("insert into discussion_category"
                        + " (slug, name, description, kind, visibility, chatham_house_default, position)"
                        + " values ('bench', 'Benchmark corpus', 'Generated for the search benchmark', 'GENERAL',"
                        + " 'PUBLIC', false, 900) returning id")) {
            created.next();
            return created.getLong(1);
        }
    }

    private long demoMember() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select id from account where email = ?")) {
            query.setString(1, AUTHOR_EMAIL);
            try (ResultSet account = query.executeQuery()) {
                if (!account.next()) {
                    throw new IllegalStateException(AUTHOR_EMAIL + " is missing: start the portal in demo mode first");
                }
                return account.getLong(1);
            }
        }
    }

    /** Ids taken from the table's own sequence up front, so the posts' COPY can name their threads. */
    private long[] reserveThreadIds() throws SQLException {
        long[] ids = new long[threads];
        try (PreparedStatement query = connection.prepareStatement(
                "select nextval(pg_get_serial_sequence('discussion_thread', 'id')) from generate_series(1, ?)")) {
            query.setInt(1, threads);
            try (ResultSet reserved = query.executeQuery()) {
                for (int i = 0; reserved.next(); i++) {
                    ids[i] = reserved.getLong(1);
                }
            }
        }
        Arrays.sort(ids);
        return ids;
    }

    /** Writes the threads; returns when each was opened, in epoch ms, for its first post. */
    private long[] copyThreads(long[] threadIds, long categoryId, long authorId) throws SQLException {
        long[] created = new long[threads];
        try (CopyRows rows = new CopyRows(
                connection,
                "copy discussion_thread (id, category_id, title, author_id, chatham_house, status, pinned, locked,"
                        + " created_at, last_post_at, post_count) from stdin")) {
            for (int thread = 0; thread < threads; thread++) {
                created[thread] = timeline.millisAt(openingEvent(thread));
                Instant at = Instant.ofEpochMilli(created[thread]);
                String title = title(line(thread), thread / lines.size());
                rows.row(threadIds[thread], categoryId, title, authorId, false, "VISIBLE", false, false, at, at, 0);
            }
            rows.finish();
        }
        return created;
    }

    /** Writes first posts and replies in date order, so post ids rise with created_at; returns how many. */
    private int copyPosts(long[] threadIds, long[] threadCreated, long authorId) throws SQLException {
        try (CopyRows rows = new CopyRows(
                connection,
                "copy discussion_post (thread_id, author_id, body, html, status, flag_count, created_at) from stdin")) {
            int opened = 0;
            for (long event = 0; event < documents; event++) {
                int thread;
                String body;
                long createdMillis;
                if (opened < threads && event == openingEvent(opened)) {
                    thread = opened++;
                    body = line(thread).body();
                    createdMillis = threadCreated[thread];
                } else {
                    // Replies go to any thread open by then, so older threads gather more, as they do for real.
                    thread = random.nextInt(opened);
                    body = reply();
                    createdMillis = timeline.millisAt(event);
                }
                Instant at = Instant.ofEpochMilli(createdMillis);
                rows.row(threadIds[thread], authorId, body, html(body), "VISIBLE", 0, at);
            }
            return (int) rows.finish();
        }
    }

    /** Threads were written with no posts; now give them their counts and latest post in one statement. */
    private void recountThreads(long categoryId) throws SQLException {
        try (PreparedStatement recount = connection.prepareStatement("update discussion_thread t"
                + " set post_count = p.posts, last_post_at = p.last_at, last_post_id = p.last_id"
                + " from (select thread_id, count(*) as posts, max(created_at) as last_at, max(id) as last_id"
                + "       from discussion_post"
                + "       where thread_id in (select id from discussion_thread where category_id = ?)"
                + "       group by thread_id) p"
                + " where t.id = p.thread_id")) {
            recount.setLong(1, categoryId);
            recount.executeUpdate();
        }
    }

    /** Threads are opened evenly among all the documents, the first one at event 0. */
    private long openingEvent(int thread) {
        return (long) thread * documents / threads;
    }

    private EuroparlCorpus.Line line(int thread) {
        return lines.get(thread % lines.size());
    }

    /** The line's title; from its second use on, numbered, so that every thread's title differs. */
    static String title(EuroparlCorpus.Line line, int reuse) {
        String title = line.title().isBlank() ? firstWords(line.body()) : line.title();
        if (reuse > 0) {
            title = "(" + (reuse + 1) + ") " + title;
        }
        if (title.codePointCount(0, title.length()) <= TITLE_MAX_CHARACTERS) {
            return title;
        }
        // The column counts characters, not UTF-16 units: never cut a surrogate pair.
        return title.substring(0, title.offsetByCodePoints(0, TITLE_MAX_CHARACTERS));
    }

    private static String firstWords(String body) {
        String[] words = body.split("\\s+", GENERATED_TITLE_WORDS + 1);
        return String.join(" ", Arrays.asList(words).subList(0, Math.min(words.length, GENERATED_TITLE_WORDS)));
    }

    /** Whole sentences from every body, once, so replies use the corpus' real vocabulary in every language. */
    static String[] sentences(List<EuroparlCorpus.Line> lines) {
        return lines.stream()
                .flatMap(line -> SENTENCE_END.splitAsStream(line.body()))
                .map(String::strip)
                // Lines often start mid-sentence; a capital letter marks a sentence's real start.
                .filter(sentence -> sentence.length() >= SENTENCE_MIN_CHARS
                        && sentence.length() <= SENTENCE_MAX_CHARS
                        && Character.isUpperCase(sentence.codePointAt(0)))
                .toArray(String[]::new);
    }

    /** Two to six random sentences of the corpus. */
    private String reply() {
        int count = 2 + random.nextInt(5);
        StringBuilder reply = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                reply.append(' ');
            }
            reply.append(sentences[random.nextInt(sentences.length)]);
        }
        return reply.toString();
    }

    /** What the portal would store for a plain-text Markdown paragraph. */
    static String html(String body) {
        StringBuilder html = new StringBuilder(body.length() + 16).append("<p>");
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                default -> html.append(c);
            }
        }
        return html.append("</p>").toString();
    }

    /** Event times over the last five years, one slot per document, so created_at rises with the id. */
    private static final class Timeline {
        private final long startMillis;
        private final double slotMillis;
        private final Random random;

        Timeline(int events, Random random) {
            Instant now = Instant.now();
            this.startMillis = now.minus(HISTORY).toEpochMilli();
            this.slotMillis = (double) HISTORY.toMillis() / events;
            this.random = random;
        }

        /** A random moment inside the event's slot, so dates do not look machine-spaced. */
        long millisAt(long event) {
            return startMillis + (long) ((event + random.nextDouble()) * slotMillis);
        }
    }

    /** One COPY ... FROM STDIN in text format, sent in chunks of about a megabyte so memory stays flat. */
    static final class CopyRows implements AutoCloseable {
        private static final int CHUNK_CHARS = 1 << 20;

        private final CopyIn copy;
        private final StringBuilder chunk = new StringBuilder(CHUNK_CHARS + (1 << 16));

        CopyRows(Connection connection, String sql) throws SQLException {
            this.copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        }

        /** One row; null is SQL NULL, anything else is written as its {@code toString()}. */
        void row(Object... fields) throws SQLException {
            for (int i = 0; i < fields.length; i++) {
                if (i > 0) {
                    chunk.append('\t');
                }
                if (fields[i] == null) {
                    chunk.append("\\N");
                } else {
                    appendEscaped(chunk, fields[i].toString());
                }
            }
            chunk.append('\n');
            if (chunk.length() >= CHUNK_CHARS) {
                send();
            }
        }

        /** Sends what is left and ends the COPY; returns the rows the server took. */
        long finish() throws SQLException {
            send();
            return copy.endCopy();
        }

        private void send() throws SQLException {
            byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            chunk.setLength(0);
        }

        /** A failed load must not leave the connection stuck in COPY mode. */
        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        /** COPY's text format: backslash, tab, newline and carriage return are escaped with a backslash. */
        static void appendEscaped(StringBuilder out, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        }
    }
}

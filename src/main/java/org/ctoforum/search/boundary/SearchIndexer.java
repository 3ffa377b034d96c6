package org.ctoforum.search.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.analysis.Analyzer;
import org.ctoforum.platform.changes.ContentChanged.Content;
import org.ctoforum.platform.demo.DemoContent;
import org.ctoforum.platform.searchable.IndexBatch;
import org.ctoforum.platform.searchable.IndexUpdate;
import org.ctoforum.platform.searchable.SearchDocument;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.search.boundary.SearchSources.Change;
import org.ctoforum.search.boundary.SearchSources.Changes;
import org.ctoforum.search.control.SearchAnalysis;
import org.ctoforum.search.control.SearchIndex;
import org.ctoforum.search.control.SearchIndexStore;

/**
 * Keeps this node's index in step with the database. It follows the change log (woken after each commit here, and
 * every 250 ms in a cluster, every second alone, for changes made elsewhere), refreshes searchers every 200 ms, and rebuilds the index in the
 * background when staff ask or when the index at start is missing, damaged or of an old layout.
 */
@Startup
@Singleton
@DependsOn("DemoContent")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SearchIndexer {

    private static final Logger LOG = Logger.getLogger(SearchIndexer.class.getName());
    private static final int BATCH = 500;
    private static final long FOLLOW_ALONE_MILLIS = 1000;
    private static final long FOLLOW_CLUSTERED_MILLIS = 250;
    /** How often this node tells the others, through the database, how far its index has applied the log. */
    private static final long REPORT_SECONDS = 5;

    @Inject
    SearchSources sources;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    DemoContent demoContent;

    @Resource
    ManagedScheduledExecutorService executor;

    @Resource
    ManagedThreadFactory threads;

    private final ReentrantLock applying = new ReentrantLock();
    private final AtomicBoolean followAgain = new AtomicBoolean();
    private final Queue<Change> committed = new ConcurrentLinkedQueue<>();
    private final Object rebuildLock = new Object();
    private SearchIndexStore store;
    /** Helps each search through the slices of a large index; one thread a core, shared by all searches. */
    private ExecutorService searchThreads;

    private volatile SearchIndex.Cursor cursor;
    private volatile Analyzer queryAnalyzer;
    private volatile RebuildProgress progress = RebuildProgress.none();
    private volatile boolean incomplete;
    private volatile boolean uncommitted;
    private List<ScheduledFuture<?>> timers = List.of();

    @PostConstruct
    void start() {
        searchThreads = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), threads);
        store = new SearchIndexStore(settings.dataDir().resolve("search"), searchThreads);
        String unusable;
        try {
            unusable = store.open();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "The search index in " + settings.dataDir().resolve("search") + " cannot be opened", e);
        }
        cursor = store.current().committedCursor();
        queryAnalyzer = SearchAnalysis.forQueries(sources.synonyms());
        String problem = unusable == null ? fellBehind(cursor) : unusable;
        // Alone, every change arrives through committed() at once and the poll only mops up; in a cluster the poll
        // is how other nodes' changes arrive, so it sets how soon they are found.
        long followMillis = settings.clustered() ? FOLLOW_CLUSTERED_MILLIS : FOLLOW_ALONE_MILLIS;
        timers = List.of(
                executor.scheduleWithFixedDelay(this::refresh, 200, 200, TimeUnit.MILLISECONDS),
                executor.scheduleWithFixedDelay(this::follow, followMillis, followMillis, TimeUnit.MILLISECONDS),
                executor.scheduleWithFixedDelay(this::reportPlace, REPORT_SECONDS, REPORT_SECONDS, TimeUnit.SECONDS));
        if (problem != null) {
            incomplete = true;
            LOG.warning(() -> "Search index: " + problem + "; rebuilding it in the background");
            // After the demo content, so that on a first start the rebuild's CPU does not share the two cores with
            // the seeds and the web container's start; it reads what the seeds wrote, and their changes after it.
            demoContent
                    .loading()
                    .whenComplete((loaded, failed) -> rebuild("the index at start could not be used: " + problem));
        } else {
            LOG.info(() -> "Search index open with " + store.current().documents() + " documents");
            follow();
        }
    }

    @PreDestroy
    void stop() {
        timers.forEach(timer -> timer.cancel(false));
        applying.lock();
        try {
            store.current().commit(cursor);
            store.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "The search index did not close cleanly; it catches up at the next start", e);
        } finally {
            applying.unlock();
            searchThreads.shutdown();
        }
    }

    public SearchIndex index() {
        return store.current();
    }

    public Analyzer queryAnalyzer() {
        return queryAnalyzer;
    }

    /** True while the live index is a placeholder that a rebuild is filling. */
    public boolean incomplete() {
        return incomplete;
    }

    public RebuildProgress progress() {
        return progress;
    }

    public SearchIndex.Cursor cursor() {
        return cursor;
    }

    /**
     * A change this node just committed: applied at once, without waiting for older transactions to finish as the
     * log must. The log brings it again later; applying twice gives the same index. While the index is a placeholder,
     * the log alone keeps it, so that a failed rebuild leaves no queue growing.
     */
    public void committed(Change change) {
        if (!incomplete) {
            committed.add(change);
            follow();
        }
    }

    /** Applies whatever the change log holds, now, on a pool thread. Cheap to call often. */
    public void follow() {
        executor.execute(this::applyChanges);
    }

    /** Starts a rebuild unless one runs; answers its progress. */
    public RebuildProgress rebuild(String reason) {
        synchronized (rebuildLock) {
            if (progress.running()) {
                return progress;
            }
            progress = RebuildProgress.started(reason, OffsetDateTime.now(clock));
        }
        executor.execute(this::runRebuild);
        return progress;
    }

    /**
     * Hourly on every node, and done by one: forget the changes every node has applied, and any older than the
     * retention. A node that was away longer finds its index below the trim mark at start, and rebuilds.
     */
    @Schedule(hour = "*", minute = "17", persistent = false)
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void forgetAppliedChanges() {
        int days = settings.number(PortalSetting.SEARCH_CHANGE_LOG_DAYS);
        SearchSources.Trimmed trimmed = sources.forgetAppliedChanges(days);
        if (trimmed.count() > 0) {
            LOG.info(() -> "Search change log: forgot " + trimmed.count() + " changes up to " + trimmed.upTo()
                    + ", applied by every node seen in the last " + days + " days or older than that");
        }
    }

    /** Why an index that opened fine must still be rebuilt: the log forgot changes it never applied. */
    private String fellBehind(SearchIndex.Cursor at) {
        SearchIndex.Cursor trimmed = sources.trimmedUpTo();
        boolean behind = at.txid() < trimmed.txid() || (at.txid() == trimmed.txid() && at.seq() < trimmed.seq());
        return behind
                ? "it stopped at " + at + ", but the change log has forgotten everything up to " + trimmed + " (kept "
                        + settings.number(PortalSetting.SEARCH_CHANGE_LOG_DAYS) + " days)"
                : null;
    }

    /**
     * Commits the cursor when it has moved without changes to apply, so that the place reported is one a restart
     * resumes from, then reports it.
     */
    private void reportPlace() {
        try {
            SearchIndex index = store.current();
            // Never waits for the lock: a change that arrives meanwhile finds it taken and is left to the holder.
            if (!incomplete && applying.tryLock()) {
                try {
                    if (!cursor.equals(index.committedCursor())) {
                        index.commit(cursor);
                        uncommitted = false;
                    }
                } finally {
                    applying.unlock();
                }
                if (followAgain.get()) {
                    follow();
                }
            }
            sources.reportNode(settings.nodeName(), index.committedCursor());
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Search index could not report its place in the change log; it tries again", e);
        }
    }

    private void applyChanges() {
        if (incomplete) {
            // A placeholder is not followed: the rebuild that fills it reads everything, then catches up from its
            // start.
            return;
        }
        if (!applying.tryLock()) {
            followAgain.set(true);
            return;
        }
        try {
            do {
                followAgain.set(false);
                drain();
            } while (followAgain.get());
            if (uncommitted) {
                store.current().commit(cursor);
                uncommitted = false;
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Search index could not apply changes; it tries again within a second", e);
        } finally {
            applying.unlock();
        }
    }

    /** Applies changes until the log holds none; the caller holds {@code applying}. */
    private void drain() throws IOException {
        SearchIndex index = store.current();
        Set<Change> recent = new LinkedHashSet<>();
        for (Change change = committed.poll(); change != null; change = committed.poll()) {
            recent.add(change);
        }
        boolean applied = apply(index, recent);
        while (true) {
            Changes batch = sources.changesAfter(cursor, BATCH);
            applied |= apply(index, new LinkedHashSet<>(batch.changes()));
            cursor = batch.next();
            if (batch.changes().size() < BATCH) {
                break;
            }
        }
        if (applied) {
            index.refreshNow();
            uncommitted = true;
        }
    }

    /** Applies distinct changes; answers whether the index changed. */
    private boolean apply(SearchIndex index, Set<Change> distinct) throws IOException {
        if (distinct.removeIf(change -> change.content() == Content.SYNONYMS)) {
            queryAnalyzer = SearchAnalysis.forQueries(sources.synonyms());
            LOG.info("Search synonyms reloaded");
        }
        if (distinct.isEmpty()) {
            return false;
        }
        for (IndexUpdate update : sources.updates(distinct)) {
            for (String key : update.removeKeys()) {
                index.remove(key);
            }
            for (String parent : update.removeChildrenOf()) {
                index.removeChildren(parent);
            }
            for (SearchDocument document : update.put()) {
                index.put(document);
            }
        }
        return true;
    }

    private void refresh() {
        try {
            store.current().refresh();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Search index refresh failed", e);
        }
    }

    private void runRebuild() {
        long started = System.nanoTime();
        SearchIndex fresh = null;
        // Its own thread, so a busy shared pool can never leave the rebuild waiting on its own read.
        ExecutorService reader = Executors.newSingleThreadExecutor(threads);
        try {
            SearchIndex.Cursor start = sources.horizon();
            List<Content> kinds = sources.rebuilt();
            long total = 0;
            for (Content content : kinds) {
                total += sources.count(content);
            }
            progress = progress.withTotal(total);
            LOG.info("Search index rebuild started (" + progress.reason() + "): " + total + " items to read");
            fresh = store.create();
            long nextLog = total / 10;
            for (Content content : kinds) {
                // The next batch is read from the database while this one is indexed: two cores, both busy.
                Future<IndexBatch> next = reader.submit(() -> sources.batch(content, 0, BATCH));
                while (true) {
                    IndexBatch batch = next.get();
                    long after = batch.lastId();
                    next = batch.rows() < BATCH ? null : reader.submit(() -> sources.batch(content, after, BATCH));
                    fresh.add(batch.documents());
                    progress = progress.advanced(batch.rows(), batch.documents().size());
                    if (progress.done() >= nextLog && total > 0) {
                        RebuildProgress now = progress;
                        LOG.info(() -> String.format(
                                "Search index rebuild: %d of %d items (%d%%)", now.done(), now.total(), now.percent()));
                        nextLog += Math.max(1, total / 10);
                    }
                    if (next == null) {
                        break;
                    }
                }
            }
            long merging = System.nanoTime();
            int segments = fresh.mergeForSearching(Runtime.getRuntime().availableProcessors());
            LOG.info(() -> "Search index rebuild: merged into at most " + segments + " segments in "
                    + (System.nanoTime() - merging) / 1_000_000 + " ms");
            fresh.markComplete();
            fresh.commit(start);
            applying.lock();
            try {
                store.promote(fresh);
                cursor = start;
                drain();
                store.current().commit(cursor);
                uncommitted = false;
                incomplete = false;
            } finally {
                applying.unlock();
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            progress = progress.finished(OffsetDateTime.now(clock), millis, null);
            RebuildProgress done = progress;
            LOG.info(() -> String.format(
                    "Search index rebuilt: %d documents from %d items in %d ms (%.0f items/s)",
                    done.documents(), done.done(), millis, done.done() * 1000.0 / Math.max(1, millis)));
        } catch (IOException | RuntimeException | ExecutionException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable failure = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            LOG.log(Level.SEVERE, "Search index rebuild failed", failure);
            if (fresh != null && fresh != store.current()) {
                try {
                    fresh.close();
                } catch (IOException ignored) {
                    // The folder is removed at the next successful promote.
                }
            }
            progress = progress.finished(
                    OffsetDateTime.now(clock), (System.nanoTime() - started) / 1_000_000, failure.getMessage());
        } finally {
            reader.shutdownNow();
        }
    }
}

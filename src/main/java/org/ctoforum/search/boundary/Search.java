package org.ctoforum.search.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.lucene.store.AlreadyClosedException;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.platform.security.Caller;
import org.ctoforum.platform.security.Role;
import org.ctoforum.platform.settings.PortalSetting;
import org.ctoforum.platform.settings.Settings;
import org.ctoforum.search.control.AccessAwareSearch;
import org.ctoforum.search.control.QueryText;
import org.ctoforum.search.control.SearchIndex;

/** Search for the caller: checks what they asked, and searches with their keys. */
@RequestScoped
public class Search {

    public static final int MAX_SIZE = 50;
    public static final int MAX_PAGE = 100;
    private static final int SUGGESTIONS = 8;
    private static final Logger LOG = Logger.getLogger(Search.class.getName());

    @Inject
    SearchIndexer indexer;

    @Inject
    Caller caller;

    @Inject
    Settings settings;

    @Inject
    Clock clock;

    @Inject
    SearchQueryLog queryLog;

    /** What was asked: the text, facet filters by dimension, "relevance" or "date", and the page. */
    public record Query(String text, Map<String, List<String>> filters, String sort, Integer page, Integer size) {}

    /** The answer; {@code rebuilding} says the index is being rebuilt, and results may be incomplete. */
    public record Results(
            String query,
            long total,
            int page,
            int size,
            List<AccessAwareSearch.Hit> hits,
            Map<String, Map<String, Integer>> facets,
            String suggestion,
            boolean fuzzy,
            boolean rebuilding,
            String notice) {}

    public Results search(Query query) {
        String text = query.text() == null ? "" : query.text().strip();
        if (text.length() > QueryText.MAX_LENGTH) {
            throw ProblemException.badRequest("The query has " + text.length() + " characters; the most is "
                    + QueryText.MAX_LENGTH + ". Search for the few words that matter.");
        }
        int page = query.page() == null ? 1 : query.page();
        int size = query.size() == null ? 10 : query.size();
        if (page < 1 || page > MAX_PAGE) {
            throw ProblemException.badRequest("page must be from 1 to " + MAX_PAGE + "; narrow the search instead.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.badRequest("size must be from 1 to " + MAX_SIZE + ".");
        }
        String sort = query.sort() == null || query.sort().isBlank() ? "relevance" : query.sort();
        if (!sort.equals("relevance") && !sort.equals("date")) {
            throw ProblemException.badRequest("sort must be relevance or date.");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        query.filters().forEach((dimension, values) -> {
            List<String> given = values == null
                    ? List.of()
                    : values.stream().filter(v -> v != null && !v.isBlank()).toList();
            if (!given.isEmpty()) {
                filters.put(dimension, given);
            }
        });
        AccessAwareSearch.Request request = new AccessAwareSearch.Request(
                text,
                filters,
                sort.equals("date"),
                page,
                size,
                keys(),
                !settings.flag(PortalSetting.SEARCH_SHOW_LOCKED),
                clock.millis());
        AccessAwareSearch.Result result =
                withSearcher(searcher -> AccessAwareSearch.search(searcher, indexer.queryAnalyzer(), request));
        // Paging and facet clicks refine a search already counted.
        if (page == 1 && filters.isEmpty()) {
            queryLog.searched(text, result.total());
        }
        boolean rebuilding = indexer.progress().running();
        String notice = indexer.incomplete()
                ? "The search index is being rebuilt (" + indexer.progress().percent()
                        + "% done); some results may be missing for a minute."
                : result.notice();
        return new Results(
                text,
                result.total(),
                page,
                size,
                result.hits(),
                result.facets(),
                result.suggestion(),
                result.fuzzy(),
                rebuilding,
                notice);
    }

    public List<AccessAwareSearch.Suggestion> suggest(String typed) {
        if (typed == null || typed.isBlank() || typed.length() > QueryText.MAX_LENGTH) {
            return List.of();
        }
        return withSearcher(searcher -> AccessAwareSearch.suggest(
                searcher,
                typed,
                keys(),
                !settings.flag(PortalSetting.SEARCH_SHOW_LOCKED),
                clock.millis(),
                SUGGESTIONS));
    }

    /** The facet dimensions a query may filter on. */
    public static List<String> dimensions() {
        return AccessAwareSearch.DIMENSIONS;
    }

    /** Null for staff, who see everything but drafts and embargoed reports. */
    private Set<String> keys() {
        if (caller.staff()) {
            return null;
        }
        return ReaderKeys.of(caller.accountId().orElse(null), caller.is(Role.MEMBER));
    }

    private interface SearcherWork<T> {
        T run(SearchIndex.Searcher searcher) throws IOException;
    }

    /** Runs on the live index; once more if a rebuild swapped it out meanwhile. */
    private <T> T withSearcher(SearcherWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            SearchIndex index = indexer.index();
            try {
                SearchIndex.Searcher searcher = index.acquire();
                try {
                    return work.run(searcher);
                } finally {
                    index.release(searcher);
                }
            } catch (AlreadyClosedException swapped) {
                if (attempt == 2) {
                    throw unavailable(swapped);
                }
            } catch (IOException e) {
                throw unavailable(e);
            }
        }
    }

    private static ProblemException unavailable(Exception cause) {
        LOG.log(Level.WARNING, "Search failed", cause);
        return new ProblemException(ProblemType.UNAVAILABLE, "Search is unavailable for a moment; try again.");
    }
}

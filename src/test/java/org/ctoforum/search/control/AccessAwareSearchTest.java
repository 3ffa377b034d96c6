package org.ctoforum.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.lucene.analysis.Analyzer;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.platform.searchable.SearchDocument;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search itself on a real index: what each reader finds, and what they never see. */
class AccessAwareSearchTest {

    private static final Set<String> EVERYONE = Set.of(ReaderKeys.EVERYONE);
    private static final Set<String> MEMBERS = Set.of(ReaderKeys.MEMBERS);
    private static final long NOW = OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC)
            .toInstant()
            .toEpochMilli();

    @TempDir
    Path root;

    private SearchIndexStore store;
    /** Two threads, as in the portal on two cores: searches and facet counts split over segments. */
    private final ExecutorService searchThreads = Executors.newFixedThreadPool(2);

    private final Analyzer analyzer = SearchAnalysis.forQueries(List.of("byod, bring your own device"));

    @BeforeEach
    void index() throws IOException {
        store = new SearchIndexStore(root, searchThreads);
        store.open();
        SearchIndex index = store.current();
        index.put(SearchDocument.of("report", 1)
                .title("The state of district technology")
                .summary("A survey of district technology leaders about budgets.")
                .body("Members read that the zebra protocol failed in most districts. <script>alert(1)</script>")
                .url("/reports/state")
                .date(LocalDate.of(2026, 3, 1))
                .access("members", true, EVERYONE, MEMBERS)
                .year(2026)
                .topics(List.of("Budget"))
                .releaseAt(OffsetDateTime.of(2026, 3, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .build());
        index.put(SearchDocument.of("report", 2)
                .title("Bring your own device, five years on")
                .summary("What districts learned when students brought their own laptops.")
                .url("/reports/devices")
                .date(LocalDate.of(2025, 1, 1))
                .access("public", false, EVERYONE, EVERYONE)
                .year(2025)
                .topics(List.of("Devices"))
                .releaseAt(OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .build());
        index.put(SearchDocument.of("report", 3)
                .title("Embargoed budget outlook")
                .summary("Not out until July.")
                .url("/reports/outlook")
                .access("public", false, EVERYONE, EVERYONE)
                .releaseAt(OffsetDateTime.of(2026, 7, 1, 0, 0, 0, 0, ZoneOffset.UTC))
                .build());
        index.put(SearchDocument.of("thread", 4)
                .title("Budget season again")
                .body("Our board cut the device budget by a third.")
                .url("/discussions/thread.xhtml?id=4")
                .access("members", false, MEMBERS, MEMBERS)
                .topics(List.of("Money"))
                .build());
        index.refreshNow();
    }

    @AfterEach
    void close() throws IOException {
        store.close();
        searchThreads.shutdown();
    }

    @Test
    void aPhraseOnlyInGatedTextIsFoundByMembersAndByNobodyElse() throws IOException {
        AccessAwareSearch.Result member = search("\"zebra protocol\"", ReaderKeys.of(7L, true), false);
        assertEquals(1, member.total());
        assertTrue(
                member.hits().get(0).snippet().contains("<mark>zebra protocol</mark>"),
                member.hits().get(0).snippet());
        assertFalse(member.hits().get(0).locked());

        for (Set<String> outsider : List.of(ReaderKeys.of(null, false), ReaderKeys.of(8L, false))) {
            AccessAwareSearch.Result result = search("\"zebra protocol\"", outsider, false);
            assertEquals(0, result.total());
            assertTrue(result.hits().isEmpty());
            result.facets().values().forEach(counts -> assertTrue(counts.isEmpty(), counts.toString()));
            assertNull(result.suggestion());
        }
    }

    @Test
    void aGatedItemFoundByItsSummaryShowsLockedWithTheSummaryOnly() throws IOException {
        AccessAwareSearch.Result result = search("survey", ReaderKeys.of(null, false), false);
        assertEquals(1, result.total());
        AccessAwareSearch.Hit hit = result.hits().get(0);
        assertTrue(hit.locked());
        assertTrue(hit.snippet().contains("<mark>survey</mark>"), hit.snippet());
        assertFalse(hit.snippet().contains("zebra"));
        assertEquals(Map.of("members", 1), result.facets().get("access"));
    }

    @Test
    void whatAReaderMayReadIsMatchedByAllItsWordsEvenWhereTheyExclude() throws IOException {
        // The gated report's title says "district technology"; its body, which members read, says "zebra".
        assertEquals(
                1,
                search("\"district technology\"", ReaderKeys.of(7L, true), false)
                        .total());
        assertEquals(
                0,
                search("\"district technology\" NOT zebra", ReaderKeys.of(7L, true), false)
                        .total());
        assertEquals(0, search("\"district technology\" NOT zebra", null, false).total());
        // Others match it by its title and summary alone, and cannot tell what the body says.
        AccessAwareSearch.Result outsider =
                search("\"district technology\" NOT zebra", ReaderKeys.of(null, false), false);
        assertEquals(1, outsider.total());
        assertTrue(outsider.hits().get(0).locked());
    }

    @Test
    void hidingLockedItemsLeavesThemOut() throws IOException {
        assertEquals(0, search("survey", ReaderKeys.of(null, false), true).total());
        assertEquals(1, search("survey", ReaderKeys.of(3L, true), true).total());
    }

    @Test
    void aGrantOpensTheTextToOneAccount() throws IOException {
        store.current()
                .put(SearchDocument.of("report", 1)
                        .title("The state of district technology")
                        .body("Members read that the zebra protocol failed.")
                        .access("members", true, EVERYONE, Set.of(ReaderKeys.MEMBERS, ReaderKeys.account(9)))
                        .build());
        store.current().refreshNow();
        assertEquals(1, search("zebra", ReaderKeys.of(9L, false), false).total());
        assertEquals(0, search("zebra", ReaderKeys.of(10L, false), false).total());
    }

    @Test
    void membersOnlyThreadsAreInvisibleToOthers() throws IOException {
        assertEquals(0, search("board", ReaderKeys.of(5L, false), false).total());
        assertEquals(1, search("board", ReaderKeys.of(5L, true), false).total());
    }

    @Test
    void nothingEmbargoedAppearsBeforeItsRelease() throws IOException {
        assertEquals(0, search("outlook", null, false).total());
        AccessAwareSearch.Result later = AccessAwareSearch.search(
                store.current().acquire(),
                analyzer,
                new AccessAwareSearch.Request(
                        "outlook", Map.of(), false, 1, 10, null, false, NOW + 40L * 24 * 3600 * 1000));
        assertEquals(1, later.total());
    }

    @Test
    void synonymsFindEitherForm() throws IOException {
        assertEquals(
                "/reports/devices", search("BYOD", null, false).hits().get(0).url());
    }

    @Test
    void snippetsAreEscapedAndMarkIsTheOnlyMarkup() throws IOException {
        String snippet = search("zebra", null, false).hits().get(0).snippet();
        assertFalse(snippet.contains("<script>"), snippet);
        assertTrue(snippet.contains("&lt;script&gt;"), snippet);
        assertEquals(snippet.replaceAll("</?mark>", "").indexOf('<'), -1, snippet);
    }

    @Test
    void misspellingsFindCloseWordsAndSuggestTheRightOne() throws IOException {
        AccessAwareSearch.Result result = search("laptobs", ReaderKeys.of(null, false), false);
        assertTrue(result.fuzzy());
        assertEquals(1, result.total());
        assertEquals("laptops", result.suggestion());
        String snippet = result.hits().get(0).snippet();
        assertTrue(snippet.matches("(?is).*<mark>laptops</mark>.*"), snippet);
    }

    @Test
    void facetFiltersNarrowAndCountTheOtherValues() throws IOException {
        AccessAwareSearch.Result all = search("*", null, false);
        assertEquals(3, all.total());
        AccessAwareSearch.Result reports = AccessAwareSearch.search(
                store.current().acquire(),
                analyzer,
                new AccessAwareSearch.Request("*", Map.of("type", List.of("report")), true, 1, 10, null, false, NOW));
        assertEquals(2, reports.total());
        // Drill-sideways: the type facet still counts the thread, so its checkbox can be added.
        assertEquals(1, reports.facets().get("type").get("thread"));
    }

    @Test
    void titleSuggestionsRespectAccess() throws IOException {
        assertEquals(List.of("Budget season again"), titles("budget sea", null, false));
        assertTrue(titles("budget sea", ReaderKeys.of(null, false), false).isEmpty());
        assertTrue(titles("embargoed", null, false).isEmpty(), "nothing before its release, not even for staff");
    }

    @Test
    void titleSuggestionsLeaveOutLockedItemsWhenSearchDoes() throws IOException {
        assertEquals(
                List.of("The state of district technology"), titles("state of", ReaderKeys.of(null, false), false));
        assertTrue(titles("state of", ReaderKeys.of(null, false), true).isEmpty());
        assertEquals(List.of("The state of district technology"), titles("state of", ReaderKeys.of(4L, true), true));
    }

    @Test
    void didYouMeanNeverOffersAWordOfAnUnreleasedItem() throws IOException {
        for (Set<String> reader : java.util.Arrays.asList(null, ReaderKeys.of(null, false), ReaderKeys.of(3L, true))) {
            assertNull(search("embargoad", reader, false).suggestion(), "the title of a report not yet out");
            assertNull(search("embargoad", reader, false).notice());
        }
    }

    @Test
    void didYouMeanOffersGatedWordsOnlyToThoseWhoMayReadThem() throws IOException {
        assertEquals("zebra", search("zebro", ReaderKeys.of(3L, true), false).suggestion());
        assertEquals("zebra", search("zebro", null, false).suggestion());
        assertNull(search("zebro", ReaderKeys.of(null, false), false).suggestion());
        assertNull(search("zebro", ReaderKeys.of(8L, false), false).suggestion());
        // The summary of a locked report is public: its words are offered to whoever sees it listed.
        assertEquals(
                "survey", search("survay", ReaderKeys.of(null, false), false).suggestion());
        assertNull(search("survay", ReaderKeys.of(null, false), true).suggestion(), "locked items hidden");
    }

    @Test
    void didYouMeanForgetsARemovedItemAtOnce() throws IOException {
        SearchIndex index = store.current();
        // Enough neighbours that Lucene keeps the removed item's words until a later merge, as on a real index.
        for (int id = 100; id < 140; id++) {
            index.put(SearchDocument.of("library", id)
                    .title("Practice " + id)
                    .access("public", false, EVERYONE, EVERYONE)
                    .build());
        }
        index.put(SearchDocument.of("library", 99)
                .title("Chromebooks for every student")
                .access("public", false, EVERYONE, EVERYONE)
                .build());
        index.refreshNow();
        assertEquals(
                "chromebooks",
                search("chromebookz", ReaderKeys.of(null, false), false).suggestion());

        index.remove(SearchDocument.key("library", 99));
        index.refreshNow();
        AccessAwareSearch.Result result = search("chromebookz", ReaderKeys.of(null, false), false);
        assertNull(result.suggestion());
        assertEquals(0, result.total());
        assertFalse(result.fuzzy());
    }

    private List<String> titles(String typed, Set<String> keys, boolean hideLocked) throws IOException {
        SearchIndex.Searcher searcher = store.current().acquire();
        try {
            return AccessAwareSearch.suggest(searcher, typed, keys, hideLocked, NOW, 8).stream()
                    .map(AccessAwareSearch.Suggestion::title)
                    .toList();
        } finally {
            store.current().release(searcher);
        }
    }

    private AccessAwareSearch.Result search(String text, Set<String> keys, boolean hideLocked) throws IOException {
        SearchIndex.Searcher searcher = store.current().acquire();
        try {
            return AccessAwareSearch.search(
                    searcher,
                    analyzer,
                    new AccessAwareSearch.Request(text, Map.of(), false, 1, 10, keys, hideLocked, NOW));
        } finally {
            store.current().release(searcher);
        }
    }
}

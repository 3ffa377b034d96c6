package org.ctoforum.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Dates in HTTP fields (RFC 9110 §5.6.7). They are always written as IMF-fixdate, {@code Sun, 06 Nov 1994 08:49:37
 * GMT}, whose day has two digits (Java's RFC_1123_DATE_TIME writes one). They are read in that form and in the two
 * obsolete forms a recipient must still accept: RFC 850 and asctime.
 */
public final class HttpDates {

    private static final DateTimeFormatter IMF_FIXDATE = DateTimeFormatter.ofPattern(
                    "EEE, dd MMM uuuu HH:mm:ss 'GMT'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern(
                    "EEE MMM ppd HH:mm:ss uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    public static String format(Instant at) {
        return IMF_FIXDATE.format(at);
    }

    /** The instant a field names, or empty when it names none: a client's bad date is ignored, never an error. */
    public static Optional<Instant> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String text = value.strip();
        for (DateTimeFormatter form : List.of(IMF_FIXDATE, rfc850(), ASCTIME)) {
            try {
                return Optional.of(ZonedDateTime.parse(text, form).toInstant());
            } catch (DateTimeParseException notThisForm) {
                // the next form may read it
            }
        }
        return Optional.empty();
    }

    /**
     * {@code Sunday, 06-Nov-94 08:49:37 GMT}. Its two-digit year is read within a hundred years that end 50 years
     * from now, so one that would lie further ahead is the most recent such year past; made per use, as "now" moves.
     */
    private static DateTimeFormatter rfc850() {
        return new DateTimeFormatterBuilder()
                .appendPattern("EEEE, dd-MMM-")
                .appendValueReduced(
                        ChronoField.YEAR, 2, 2, LocalDate.now(ZoneOffset.UTC).minusYears(49))
                .appendPattern(" HH:mm:ss 'GMT'")
                .toFormatter(Locale.ENGLISH)
                .withZone(ZoneOffset.UTC);
    }

    /** HTTP dates have whole seconds: what a header said must compare equal to what it was written from. */
    public static Instant toSeconds(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS);
    }

    private HttpDates() {}
}

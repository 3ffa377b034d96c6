package org.ctoforum.platform.database;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values read by native queries, whose Java types depend on the driver and the column. */
public final class SqlValues {

    private SqlValues() {}

    /** A {@code timestamptz} column, which arrives as an OffsetDateTime, an Instant or a Timestamp. */
    public static OffsetDateTime moment(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        return OffsetDateTime.parse(value.toString());
    }

    /** A {@code date} column, which arrives as a LocalDate or a java.sql.Date. */
    public static LocalDate date(Object value) {
        if (value instanceof LocalDate day) {
            return day;
        }
        if (value instanceof java.sql.Date day) {
            return day.toLocalDate();
        }
        return LocalDate.parse(value.toString());
    }
}

package org.ctoforum.membership.control;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.ctoforum.membership.entity.EmailAddress;
import org.ctoforum.platform.security.Role;

/**
 * Reads a member CSV: a header row, then one member a row. Columns: {@code email, display_name} (required),
 * {@code district, job_title, roles} (separated by ; or spaces), {@code membership_start, membership_expiry} (ISO
 * dates). Each row becomes a member or an error naming its row, so good rows can be kept when others are bad.
 */
public final class MemberCsv {

    public static final List<String> COLUMNS =
            List.of("email", "display_name", "district", "job_title", "roles", "membership_start", "membership_expiry");
    private static final List<String> REQUIRED = List.of("email", "display_name");

    /** One row, read: a member to import, or the reason it cannot be. Row numbers count the header as row 1. */
    public record Row(int number, Member member, String error) {}

    public record Member(
            EmailAddress email,
            String displayName,
            String district,
            String jobTitle,
            Set<Role> roles,
            LocalDate membershipStart,
            LocalDate membershipExpiry) {}

    /** Parses the whole file; a file without the required header columns is refused as a whole. */
    public static List<Row> read(String csv) {
        try (Reader reader = new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv);
                CSVParser parser = CSVFormat.DEFAULT
                        .builder()
                        .setHeader()
                        .setSkipHeaderRecord(true)
                        .setIgnoreHeaderCase(true)
                        .setTrim(true)
                        .setIgnoreEmptyLines(true)
                        .get()
                        .parse(reader)) {
            List<String> header = parser.getHeaderNames().stream()
                    .map(name -> name.strip().toLowerCase(Locale.ROOT))
                    .toList();
            List<String> missing =
                    REQUIRED.stream().filter(column -> !header.contains(column)).toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("The header row lacks " + String.join(" and ", missing)
                        + "; the columns are " + String.join(", ", COLUMNS) + ".");
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                int number = (int) record.getRecordNumber() + 1;
                rows.add(readRow(number, record));
            }
            return rows;
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new IllegalArgumentException("The file is not readable CSV: " + e.getMessage());
        }
    }

    private static Row readRow(int number, CSVRecord record) {
        try {
            EmailAddress email = EmailAddress.parse(field(record, "email"));
            if (email == null) {
                return new Row(number, null, "email '" + field(record, "email") + "' is not an email address");
            }
            String displayName = field(record, "display_name");
            if (displayName.isEmpty()) {
                return new Row(number, null, "display_name is empty");
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String role : field(record, "roles").split("[;\\s]+")) {
                if (!role.isEmpty()) {
                    roles.add(Role.valueOf(role.toUpperCase(Locale.ROOT)));
                }
            }
            LocalDate start = date(field(record, "membership_start"));
            LocalDate expiry = date(field(record, "membership_expiry"));
            if (expiry != null && start == null) {
                return new Row(number, null, "membership_expiry is set but membership_start is empty");
            }
            if (start != null && expiry != null && expiry.isBefore(start)) {
                return new Row(number, null, "membership_expiry " + expiry + " is before membership_start " + start);
            }
            return new Row(
                    number,
                    new Member(
                            email,
                            displayName,
                            field(record, "district"),
                            field(record, "job_title"),
                            roles,
                            start,
                            expiry),
                    null);
        } catch (DateTimeParseException e) {
            return new Row(number, null, "a date is not in the form 2026-09-01: '" + e.getParsedString() + "'");
        } catch (IllegalArgumentException e) {
            return new Row(
                    number, null, "roles may be ADMIN, STAFF, MEMBER or PRESS: '" + field(record, "roles") + "'");
        }
    }

    private static String field(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column)
                ? record.get(column).strip()
                : "";
    }

    private static LocalDate date(String value) {
        return value.isEmpty() ? null : LocalDate.parse(value);
    }

    private MemberCsv() {}
}

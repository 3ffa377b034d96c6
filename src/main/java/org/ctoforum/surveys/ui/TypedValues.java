package org.ctoforum.surveys.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.ctoforum.platform.problem.ProblemException;

/**
 * Dates and numbers that staff's forms keep as typed text, read at saving time; a bad one is refused as the boundary
 * refuses bad input, so that the page shows it the same way and keeps what was typed.
 */
final class TypedValues {

    /** A date as a date input sends it; null when blank, for the boundary to say that it is required. */
    static LocalDate date(String text, String what) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(what + " must be a date, such as 2027-03-01.");
        }
    }

    static BigDecimal number(String text, String what) {
        try {
            return text == null || text.isBlank() ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(what + " must be a number.");
        }
    }

    private TypedValues() {}
}

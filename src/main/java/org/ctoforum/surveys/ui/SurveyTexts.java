package org.ctoforum.surveys.ui;

import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The words the survey pages share: a status, an answer, and why a figure is hidden. */
final class SurveyTexts {

    static String status(String status) {
        return switch (status) {
            case "DRAFT" -> "Draft";
            case "OPEN" -> "Open";
            case "CLOSED" -> "Closed";
            case "PUBLISHED" -> "Published";
            default -> status;
        };
    }

    /** A question's HTML id, made of its code: the code's dots would need escaping in CSS selectors. */
    static String key(String code) {
        return "q-" + code.toLowerCase(Locale.ROOT).replace('.', '-');
    }

    /** A count with its noun, such as "1 section" or "2 sections". */
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** An answer as a reader sees it; null for none. */
    static String answer(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (value.getValueType()) {
            case STRING -> ((JsonString) value).getString();
            case NUMBER -> ((JsonNumber) value).bigDecimalValue().toPlainString();
            case ARRAY -> choices(value).stream().collect(Collectors.joining(", "));
            default -> value.toString();
        };
    }

    /** The choices of a multiple-choice answer, or the one of a single choice. */
    static List<String> choices(JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value.getValueType() == JsonValue.ValueType.ARRAY) {
            return value.asJsonArray().stream().map(SurveyTexts::answer).toList();
        }
        return List.of(answer(value));
    }

    /** A figure in its question's unit: dollars, a percent, or a plain number. */
    static String number(String type, BigDecimal value) {
        if (value == null) {
            return null;
        }
        NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
        format.setMaximumFractionDigits(2);
        return switch (type) {
            case "CURRENCY" -> "$" + format.format(value);
            case "PERCENT" -> format.format(value) + "%";
            default -> format.format(value);
        };
    }

    /** Why the boundary hid a figure, in the reader's words; {@code k} is the survey's smallest group shown. */
    static String hidden(String reason, int k) {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case "FEWER_THAN_K" -> "Fewer than " + k + " districts answered in this group.";
            case "COMPLEMENTARY" -> "Hidden so that a smaller group's figures cannot be worked out.";
            case "FREE_TEXT" -> "Free-text answers are read by staff only.";
            case "NO_ANSWERS" -> "No district in this group answered this question.";
            default -> "Hidden.";
        };
    }

    private SurveyTexts() {}
}

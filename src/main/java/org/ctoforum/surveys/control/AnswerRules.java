package org.ctoforum.surveys.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.Serializable;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.surveys.entity.QuestionType;

/**
 * Checks an answer against its question's type and range, and writes it as the JSON the response stores: a string
 * for a choice or free text, a number, or an array of choices in the question's order.
 */
public final class AnswerRules {

    /** What a question asks for; min and max are null when the type's own bounds apply. */
    public record Asked(
            String code, QuestionType type, List<String> options, boolean required, BigDecimal min, BigDecimal max)
            implements Serializable {

        public BigDecimal lowest() {
            if (min != null) {
                return min;
            }
            return type == QuestionType.SCALE ? BigDecimal.ONE : BigDecimal.ZERO;
        }

        public BigDecimal highest() {
            if (max != null) {
                return max;
            }
            return switch (type) {
                case PERCENT -> BigDecimal.valueOf(100);
                case SCALE -> BigDecimal.valueOf(5);
                default -> null;
            };
        }
    }

    public static final int TEXT_MAX = 2000;

    /** The one JSON provider of surveys: Json.create* looks it up anew on each call, most of a publication's time. */
    public static final JsonProvider JSON = JsonProvider.provider();

    /** The stored JSON of a valid answer, or null when the value clears the answer; a 400 naming the code if not. */
    public static String normalize(Asked question, JsonValue value) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        return switch (question.type()) {
            case SINGLE -> JSON.createValue(choice(question, value)).toString();
            case MULTI -> choices(question, value).toString();
            case NUMBER, CURRENCY, PERCENT, SCALE -> JSON.createValue(number(question, value))
                    .toString();
            case TEXT -> {
                String text = text(question, value).strip();
                if (text.length() > TEXT_MAX) {
                    throw refused(question, "is longer than " + TEXT_MAX + " characters");
                }
                yield text.isEmpty() ? null : JSON.createValue(text).toString();
            }
        };
    }

    /** A stored answer back as a JSON value. */
    public static JsonValue parse(String stored) {
        try (JsonReader reader = JSON.createReader(new StringReader("[" + stored + "]"))) {
            return reader.readArray().get(0);
        }
    }

    /** A stored numeric answer as a number. */
    public static BigDecimal numberOf(String stored) {
        return ((JsonNumber) parse(stored)).bigDecimalValue();
    }

    /** The choices a stored answer holds: one for a single choice or a scale point, any number for a multiple. */
    public static List<String> choicesOf(String stored) {
        JsonValue value = parse(stored);
        return switch (value.getValueType()) {
            case ARRAY -> value.asJsonArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
            case STRING -> List.of(((JsonString) value).getString());
            case NUMBER -> List.of(((JsonNumber) value).bigDecimalValue().toPlainString());
            default -> List.of();
        };
    }

    /** A list of options stored as a JSON array. */
    public static List<String> optionsOf(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        return choicesOf(json);
    }

    public static String optionsJson(List<String> options) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        options.forEach(array::add);
        return array.build().toString();
    }

    private static String choice(Asked question, JsonValue value) {
        String chosen = text(question, value);
        if (!question.options().contains(chosen)) {
            throw refused(question, "must be one of " + question.options());
        }
        return chosen;
    }

    private static JsonArray choices(Asked question, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.ARRAY) {
            throw refused(question, "must be a list of choices from " + question.options());
        }
        Set<String> chosen = new LinkedHashSet<>();
        for (JsonValue item : value.asJsonArray()) {
            chosen.add(choice(question, item));
        }
        JsonArrayBuilder ordered = JSON.createArrayBuilder();
        question.options().stream().filter(chosen::contains).forEach(ordered::add);
        return ordered.build();
    }

    private static BigDecimal number(Asked question, JsonValue value) {
        BigDecimal number;
        try {
            number = switch (value.getValueType()) {
                case NUMBER -> ((JsonNumber) value).bigDecimalValue();
                case STRING -> new BigDecimal(
                        ((JsonString) value).getString().strip().replace(",", ""));
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | ArithmeticException e) {
            throw refused(question, "must be a number");
        }
        if (number.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000L)) > 0) {
            throw refused(question, "is out of range");
        }
        if (question.type() == QuestionType.SCALE && number.stripTrailingZeros().scale() > 0) {
            throw refused(question, "must be a whole number from 1 to 5");
        }
        if (question.type() == QuestionType.CURRENCY
                && number.stripTrailingZeros().scale() > 2) {
            throw refused(question, "must be an amount in dollars and cents");
        }
        BigDecimal lowest = question.lowest();
        BigDecimal highest = question.highest();
        if (number.compareTo(lowest) < 0 || (highest != null && number.compareTo(highest) > 0)) {
            String range = highest == null
                    ? "at least " + lowest.toPlainString()
                    : "from " + lowest.toPlainString() + " to " + highest.toPlainString();
            throw refused(question, "must be " + range + (question.type() == QuestionType.PERCENT ? " percent" : ""));
        }
        BigDecimal plain = number.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    private static String text(Asked question, JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            throw refused(question, "must be text");
        }
        return ((JsonString) value).getString();
    }

    private static ProblemException refused(Asked question, String why) {
        return new ProblemException(
                ProblemType.VALIDATION,
                "The answer to " + question.code() + " " + why + ".",
                Map.of("code", question.code()));
    }

    private AnswerRules() {}
}

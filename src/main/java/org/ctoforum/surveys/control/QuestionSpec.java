package org.ctoforum.surveys.control;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.ctoforum.surveys.entity.QuestionType;

/**
 * A survey question as the demo generator needs it: what may be answered, and the target the generated answers must
 * add up to. Built from a question of {@code seeds/surveys.json} with {@link #fromJson}; an inconsistent target fails
 * here, naming the question, rather than as odd figures later.
 *
 * @param code stable across years, {@code DOMAIN.NAME}, so trends join on it
 * @param options the choices of a SINGLE or MULTI question; empty for the others (a SCALE runs 1 to 5)
 * @param min the lowest answer a numeric question accepts, or null
 * @param max the highest answer a numeric question accepts, or null
 * @param exclusive the MULTI choice that excludes the others ("None of these"), or null
 * @param target how the answers come out over all respondents
 * @param tilt which districts lean towards the first options or the higher values
 */
public record QuestionSpec(
        String code,
        QuestionType type,
        List<String> options,
        boolean required,
        BigDecimal min,
        BigDecimal max,
        String exclusive,
        Target target,
        Tilt tilt) {

    private static final Pattern CODE = Pattern.compile("[A-Z]+\\.[A-Z0-9_]+");
    /** The answers of a SCALE question, which its shares are keyed by. */
    public static final List<String> SCALE_POINTS = List.of("1", "2", "3", "4", "5");

    /** What the generated answers must come out as. */
    public sealed interface Target permits Shares, Spread, Samples {}

    /**
     * SINGLE and SCALE: the percentage answering each option, summing to 100. MULTI: the percentage choosing each
     * option.
     */
    public record Shares(Map<String, Double> percent) implements Target {
        public Shares {
            percent = Collections.unmodifiableMap(new LinkedHashMap<>(percent));
        }

        public double of(String option) {
            return percent.getOrDefault(option, 0.0);
        }
    }

    /** NUMBER, CURRENCY and PERCENT: the quartiles and extremes of the answers. */
    public record Spread(BigDecimal min, BigDecimal p25, BigDecimal median, BigDecimal p75, BigDecimal max)
            implements Target {}

    /** TEXT: the free-text answers to hand out. */
    public record Samples(List<String> answers) implements Target {
        public Samples {
            answers = List.copyOf(answers);
        }
    }

    /**
     * How strongly a district's size (log of enrollment) and locale (suburban ahead, rural behind) push it towards
     * the first options, the higher scale points or the higher values. Questions with the same factor share their
     * random part, so a district that meets the broadband goal also reports the bandwidth that meets it.
     *
     * @param factor the name of the shared random part, or null for the question's own
     */
    public record Tilt(double size, double locale, String factor) {
        public static final Tilt NONE = new Tilt(0, 0, null);

        /** The same pull the other way, for a "none of these" choice. */
        public Tilt reversed() {
            return new Tilt(-size, -locale, factor);
        }
    }

    public QuestionSpec {
        Objects.requireNonNull(type, "type");
        options = options == null ? List.of() : List.copyOf(options);
        tilt = tilt == null ? Tilt.NONE : tilt;
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("A question code must read DOMAIN.NAME in capitals: " + code);
        }
        checkTarget(code, type, options, min, max, exclusive, target);
    }

    /** Reads a question of {@code seeds/surveys.json}. */
    public static QuestionSpec fromJson(JsonObject question) {
        String code = question.getString("code");
        QuestionType type = QuestionType.valueOf(question.getString("type"));
        JsonObject target = question.getJsonObject("target");
        return new QuestionSpec(
                code,
                type,
                strings(question, "options"),
                question.getBoolean("required", true),
                decimal(question, "min"),
                decimal(question, "max"),
                question.getString("exclusive", null),
                target(type, target),
                tilt(target));
    }

    /**
     * An answer written in a seed file, in the form the generator gives: a String, an Integer point, a List of
     * options or a BigDecimal.
     *
     * @throws IllegalArgumentException naming the question, if this question does not accept it
     */
    public Object answerFromJson(JsonValue value) {
        Object answer;
        try {
            answer = switch (type) {
                case SINGLE, TEXT -> ((JsonString) value).getString();
                case SCALE -> ((JsonNumber) value).intValueExact();
                case MULTI -> value.asJsonArray().getValuesAs(JsonString::getString);
                case NUMBER, CURRENCY, PERCENT -> ((JsonNumber) value).bigDecimalValue();
            };
        } catch (ClassCastException | ArithmeticException e) {
            answer = value;
        }
        if (!accepts(answer)) {
            throw new IllegalArgumentException(code + " cannot be answered " + value);
        }
        return answer;
    }

    /** The answer in the form the generator gives, as the JSON a member would send: {@link #answerFromJson} undone. */
    public static JsonValue answerToJson(Object answer) {
        if (answer instanceof String text) {
            return AnswerRules.JSON.createValue(text);
        }
        if (answer instanceof Integer point) {
            return AnswerRules.JSON.createValue(point);
        }
        if (answer instanceof BigDecimal amount) {
            return AnswerRules.JSON.createValue(amount);
        }
        if (answer instanceof List<?> picks) {
            JsonArrayBuilder array = AnswerRules.JSON.createArrayBuilder();
            picks.forEach(pick -> array.add((String) pick));
            return array.build();
        }
        throw new IllegalArgumentException("Not an answer the generator gives: " + answer);
    }

    /** What the question asks for, as {@link AnswerRules} checks an answer against it. */
    public AnswerRules.Asked asked() {
        return new AnswerRules.Asked(code, type, options, required, min, max);
    }

    /** Whether this question accepts an answer: one of its options, a point of the scale, an amount in bounds. */
    public boolean accepts(Object answer) {
        return switch (type) {
            case SINGLE -> answer instanceof String option && options.contains(option);
            case SCALE -> answer instanceof Integer point && point >= 1 && point <= SCALE_POINTS.size();
            case MULTI -> answer instanceof List<?> picks && acceptsPicks(picks);
            case NUMBER, CURRENCY, PERCENT -> answer instanceof BigDecimal amount
                    && (min == null || amount.compareTo(min) >= 0)
                    && (max == null || amount.compareTo(max) <= 0);
            case TEXT -> answer instanceof String text && !text.isBlank();
        };
    }

    /** At least one option, none twice, and the exclusive one alone. */
    private boolean acceptsPicks(List<?> picks) {
        return !picks.isEmpty()
                && options.containsAll(picks)
                && new HashSet<>(picks).size() == picks.size()
                && (exclusive == null || !picks.contains(exclusive) || picks.size() == 1);
    }

    /** The choices a SINGLE, SCALE or MULTI answer is made of, in the order they are asked. */
    public List<String> choices() {
        return type == QuestionType.SCALE ? SCALE_POINTS : options;
    }

    private static Target target(QuestionType type, JsonObject target) {
        if (type.distributed()) {
            Map<String, Double> percent = new LinkedHashMap<>();
            target.getJsonObject("percent")
                    .forEach((option, share) -> percent.put(option, ((JsonNumber) share).doubleValue()));
            return new Shares(percent);
        }
        if (type.numeric()) {
            return new Spread(
                    decimal(target, "min"),
                    decimal(target, "p25"),
                    decimal(target, "median"),
                    decimal(target, "p75"),
                    decimal(target, "max"));
        }
        return new Samples(strings(target, "samples"));
    }

    private static Tilt tilt(JsonObject target) {
        if (!target.containsKey("tilt") || target.isNull("tilt")) {
            return Tilt.NONE;
        }
        JsonObject tilt = target.getJsonObject("tilt");
        return new Tilt(number(tilt, "size"), number(tilt, "locale"), tilt.getString("factor", null));
    }

    private static List<String> strings(JsonObject object, String name) {
        if (!object.containsKey(name) || object.isNull(name)) {
            return List.of();
        }
        List<String> strings = new ArrayList<>();
        for (JsonValue value : object.getJsonArray(name)) {
            strings.add(((JsonString) value).getString());
        }
        return strings;
    }

    private static BigDecimal decimal(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber number ? number.bigDecimalValue() : null;
    }

    private static double number(JsonObject object, String name) {
        return object.get(name) instanceof JsonNumber number ? number.doubleValue() : 0;
    }

    private static void checkTarget(
            String code,
            QuestionType type,
            List<String> options,
            BigDecimal min,
            BigDecimal max,
            String exclusive,
            Target target) {
        if (exclusive != null && (type != QuestionType.MULTI || !options.contains(exclusive))) {
            throw new IllegalArgumentException(
                    code + ": only a MULTI question has an exclusive choice, one of its own");
        }
        if (type.distributed()) {
            if (!(target instanceof Shares shares)) {
                throw new IllegalArgumentException(code + ": a " + type + " question needs shares per option");
            }
            checkShares(code, type, type == QuestionType.SCALE ? SCALE_POINTS : options, exclusive, shares);
        } else if (type.numeric()) {
            if (!(target instanceof Spread spread)) {
                throw new IllegalArgumentException(code + ": a " + type + " question needs quartiles");
            }
            checkSpread(code, min, max, spread);
        } else if (!(target instanceof Samples samples) || samples.answers().isEmpty()) {
            throw new IllegalArgumentException(code + ": a TEXT question needs sample answers");
        }
    }

    private static void checkShares(
            String code, QuestionType type, List<String> choices, String exclusive, Shares shares) {
        if (!shares.percent().keySet().equals(new HashSet<>(choices))) {
            throw new IllegalArgumentException(code + ": the shares must name exactly the choices " + choices);
        }
        double sum = 0;
        for (double share : shares.percent().values()) {
            if (share < 0 || share > 100) {
                throw new IllegalArgumentException(code + ": a share lies outside 0 to 100");
            }
            sum += share;
        }
        if (type != QuestionType.MULTI && Math.abs(sum - 100) > 0.01) {
            throw new IllegalArgumentException(code + ": the shares add up to " + sum + ", not 100");
        }
        if (type == QuestionType.MULTI) {
            // Everyone who does not take the exclusive choice needs at least one other.
            double rest = exclusive == null ? 100 : 100 - shares.of(exclusive);
            double chosen = sum - (exclusive == null ? 0 : shares.of(exclusive));
            if (chosen < rest
                    || shares.percent().entrySet().stream()
                            .anyMatch(e -> !e.getKey().equals(exclusive) && e.getValue() > rest)) {
                throw new IllegalArgumentException(code + ": the shares leave someone without a choice");
            }
        }
    }

    private static void checkSpread(String code, BigDecimal min, BigDecimal max, Spread spread) {
        List<BigDecimal> points =
                Arrays.asList(spread.min(), spread.p25(), spread.median(), spread.p75(), spread.max());
        if (points.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException(code + ": the target needs min, p25, median, p75 and max");
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i - 1).compareTo(points.get(i)) > 0) {
                throw new IllegalArgumentException(code + ": min, p25, median, p75 and max must not decrease");
            }
        }
        if ((min != null && spread.min().compareTo(min) < 0)
                || (max != null && spread.max().compareTo(max) > 0)) {
            throw new IllegalArgumentException(code + ": the target reaches outside the answers allowed");
        }
    }
}

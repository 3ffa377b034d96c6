package org.ctoforum.surveys.ui;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.IntStream;
import org.ctoforum.surveys.boundary.Surveys;
import org.ctoforum.surveys.control.AnswerRules;
import org.ctoforum.surveys.entity.QuestionType;

/**
 * One question's field on the answer page: what is typed, whether it is saved yet, and the message of a refusal.
 * What was typed stays even when it is refused, so that the member corrects it rather than types it again.
 */
public class AnswerField implements Serializable {

    private static final long serialVersionUID = 1L;

    private final Surveys.QuestionView question;
    private final AnswerRules.Asked asked;
    private String value;
    private List<String> chosen;
    private String error;
    private boolean dirty;

    AnswerField(Surveys.QuestionView question, JsonValue stored) {
        this.question = question;
        this.asked = new AnswerRules.Asked(
                question.code(),
                QuestionType.valueOf(question.type()),
                question.options(),
                question.required(),
                question.min(),
                question.max());
        if (isMulti()) {
            chosen = new ArrayList<>(SurveyTexts.choices(stored));
        } else {
            value = SurveyTexts.answer(stored);
        }
    }

    /** The answer as the boundary takes it: text it checks and converts, choices as an array, null to clear. */
    JsonValue answer() {
        if (isMulti()) {
            if (chosen == null || chosen.isEmpty()) {
                return JsonValue.NULL;
            }
            JsonArrayBuilder array = Json.createArrayBuilder();
            chosen.forEach(array::add);
            return array.build();
        }
        return value == null || value.isBlank() ? JsonValue.NULL : Json.createValue(value.strip());
    }

    void saved() {
        error = null;
        dirty = false;
    }

    void refused(String message) {
        error = message;
    }

    public String getCode() {
        return question.code();
    }

    public String getKey() {
        return SurveyTexts.key(question.code());
    }

    public Surveys.QuestionView getQuestion() {
        return question;
    }

    public String getType() {
        return question.type();
    }

    public boolean isMulti() {
        return asked.type() == QuestionType.MULTI;
    }

    public boolean isNumeric() {
        return asked.type().numeric();
    }

    /** The points of a scale question, from its lowest to its highest. */
    public List<String> getScale() {
        return IntStream.rangeClosed(asked.lowest().intValue(), asked.highest().intValue())
                .mapToObj(String::valueOf)
                .toList();
    }

    public String getLowest() {
        return asked.lowest().toPlainString();
    }

    public String getHighest() {
        BigDecimal highest = asked.highest();
        return highest == null ? null : highest.toPlainString();
    }

    public String getStep() {
        return asked.type() == QuestionType.CURRENCY ? "0.01" : "any";
    }

    public int getTextMax() {
        return AnswerRules.TEXT_MAX;
    }

    /** What the field takes, in words: its range, its unit, or how many choices. */
    public String getHint() {
        String highest = getHighest();
        String range = highest == null ? "at least " + getLowest() : "from " + getLowest() + " to " + highest;
        return switch (asked.type()) {
            case SINGLE -> "Choose one.";
            case MULTI -> "Choose all that apply.";
            case NUMBER -> "A number " + range + ".";
            case CURRENCY -> "An amount in dollars, " + range + ".";
            case PERCENT -> "A percent " + range + ".";
            case SCALE -> getLowest() + " is the lowest, " + highest + " the highest.";
            case TEXT -> String.format(
                    Locale.US, "Up to %,d characters. Staff read free text; no peer sees it.", AnswerRules.TEXT_MAX);
        };
    }

    public String getValue() {
        return value;
    }

    public void setValue(String value) {
        dirty |= !Objects.equals(value, this.value);
        this.value = value;
    }

    public List<String> getChosen() {
        return chosen;
    }

    public void setChosen(List<String> chosen) {
        dirty |= !Objects.equals(chosen, this.chosen);
        this.chosen = chosen;
    }

    public String getError() {
        return error;
    }

    public boolean isDirty() {
        return dirty;
    }
}

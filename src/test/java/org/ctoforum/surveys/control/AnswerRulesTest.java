package org.ctoforum.surveys.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import org.ctoforum.platform.problem.ProblemException;
import org.ctoforum.surveys.entity.QuestionType;
import org.junit.jupiter.api.Test;

class AnswerRulesTest {

    private static final AnswerRules.Asked PERCENT =
            new AnswerRules.Asked("NET.PCT_HOME", QuestionType.PERCENT, List.of(), true, null, null);
    private static final AnswerRules.Asked ENROLLMENT =
            new AnswerRules.Asked("DISTRICT.ENROLLMENT", QuestionType.NUMBER, List.of(), true, null, null);
    private static final AnswerRules.Asked BUDGET =
            new AnswerRules.Asked("BUDGET.IT", QuestionType.CURRENCY, List.of(), false, null, new BigDecimal("1e9"));
    private static final AnswerRules.Asked SCALE =
            new AnswerRules.Asked("CYBER.READY", QuestionType.SCALE, List.of(), true, null, null);
    private static final AnswerRules.Asked SINGLE =
            new AnswerRules.Asked("NET.FCC", QuestionType.SINGLE, List.of("Yes", "No"), true, null, null);
    private static final AnswerRules.Asked MULTI = new AnswerRules.Asked(
            "CYBER.THREATS", QuestionType.MULTI, List.of("Phishing", "Ransomware", "DDoS"), true, null, null);
    private static final AnswerRules.Asked TEXT =
            new AnswerRules.Asked("PRIORITY.WISH", QuestionType.TEXT, List.of(), false, null, null);

    @Test
    void aPercentOverAHundredOrANegativeCountIsRefusedNamingTheQuestion() {
        ProblemException over = assertThrows(ProblemException.class, () -> AnswerRules.normalize(PERCENT, json("150")));
        assertTrue(over.detail().contains("from 0 to 100 percent"), over.detail());
        assertEquals("NET.PCT_HOME", over.extensions().get("code"));
        assertThrows(ProblemException.class, () -> AnswerRules.normalize(ENROLLMENT, json("-5")));
        assertThrows(ProblemException.class, () -> AnswerRules.normalize(ENROLLMENT, json("\"many\"")));
        assertThrows(ProblemException.class, () -> AnswerRules.normalize(BUDGET, json("12.345")));
        assertThrows(ProblemException.class, () -> AnswerRules.normalize(SCALE, json("6")));
        assertThrows(ProblemException.class, () -> AnswerRules.normalize(SCALE, json("2.5")));
    }

    @Test
    void numbersAreStoredPlainWhateverTheirForm() {
        assertEquals("62.5", AnswerRules.normalize(PERCENT, json("62.50")));
        assertEquals("100", AnswerRules.normalize(PERCENT, json("1e2")));
        assertEquals("18400", AnswerRules.normalize(ENROLLMENT, json("\"18,400\"")));
        assertEquals("4", AnswerRules.normalize(SCALE, json("4")));
        assertEquals(new BigDecimal("62.5"), AnswerRules.numberOf("62.5"));
    }

    @Test
    void choicesMustBeTheQuestionsOwnAndKeepItsOrder() {
        assertEquals("\"Yes\"", AnswerRules.normalize(SINGLE, json("\"Yes\"")));
        assertThrows(ProblemException.class, () -> AnswerRules.normalize(SINGLE, json("\"Maybe\"")));
        assertEquals(
                "[\"Phishing\",\"DDoS\"]", AnswerRules.normalize(MULTI, json("[\"DDoS\", \"Phishing\", \"DDoS\"]")));
        assertThrows(ProblemException.class, () -> AnswerRules.normalize(MULTI, json("\"Phishing\"")));
        assertEquals(List.of("Phishing", "DDoS"), AnswerRules.choicesOf("[\"Phishing\",\"DDoS\"]"));
        assertEquals(List.of("4"), AnswerRules.choicesOf("4"));
    }

    @Test
    void nullOrBlankTextClearsAndLongTextIsRefused() {
        assertNull(AnswerRules.normalize(SINGLE, JsonValue.NULL));
        assertNull(AnswerRules.normalize(TEXT, json("\"   \"")));
        assertEquals("\"More staff\"", AnswerRules.normalize(TEXT, json("\" More staff \"")));
        assertThrows(ProblemException.class, () -> AnswerRules.normalize(TEXT, json("\"" + "x".repeat(2001) + "\"")));
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader("[" + text + "]")).readArray().get(0);
    }
}

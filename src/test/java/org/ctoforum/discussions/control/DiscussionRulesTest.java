package org.ctoforum.discussions.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.ctoforum.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class DiscussionRulesTest {

    @Test
    void mentionsAreHandlesOutsideCodeAndEmails() {
        assertEquals(
                Set.of("dana.okafor", "lee"),
                Mentions.in(
                        "Thanks @Dana.Okafor and @lee! Mail me at me@example.org, not `@code` or\n```\n@block\n```"));
    }

    @Test
    void mentionsAreBounded() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            many.append("@person").append(i).append(' ');
        }
        assertEquals(Mentions.MAX, Mentions.in(many.toString()).size());
    }

    @Test
    void tagsAreNormalizedAndLimited() {
        assertEquals(Set.of("digital-equity", "e-rate"), Tags.normalize(List.of(" Digital Equity ", "E-Rate", "")));
        assertThrows(ProblemException.class, () -> Tags.normalize(List.of("a", "b", "c", "d", "e", "f")));
        assertThrows(ProblemException.class, () -> Tags.normalize(List.of("x".repeat(31))));
        assertThrows(ProblemException.class, () -> Tags.normalize(List.of("!!!")));
    }

    @Test
    void quotesCarryOnlyTheShownAttribution() {
        String quote = Quotes.of(Attribution.shown(true, "Maria Member"), "First line\n\nSecond line");
        assertEquals("> A participant wrote:\n>\n> First line\n>\n> Second line\n\n", quote);
        assertTrue(Quotes.of("Sam", "x".repeat(5000)).length() < 1100);
    }

    @Test
    void aSectionIsQuotedByItsOpeningParagraphAndLinked() {
        String quote = Quotes.ofSection(
                "Budgets [that] never *stretch*",
                "Hurdles 2026",
                "/reports/hurdles-2026#budgets",
                "Money is **tight**\nand late.\n\nThe second paragraph stays out.");
        assertEquals(
                "> Money is tight and late.\n>\n> From [Budgets \\[that\\] never \\*stretch\\*]"
                        + "(/reports/hurdles-2026#budgets), in *Hurdles 2026*\n\n",
                quote);
        assertEquals(
                "From [Staffing](/reports/r#staffing), in *R*\n\n",
                Quotes.ofSection("Staffing", "R", "/reports/r#staffing", null),
                "a section that may not be quoted is only linked");
    }

    @Test
    void aLongOpeningIsCutAtAWord() {
        String opening = Quotes.opening("word ".repeat(200));
        assertTrue(opening.length() <= Quotes.MAX_OPENING + 2, opening);
        assertTrue(opening.endsWith("word …"), opening);
    }

    @Test
    void chathamHouseAttributionNeverNamesTheAuthor() {
        assertEquals(Attribution.PARTICIPANT, Attribution.shown(true, "Maria Member"));
        assertEquals("Maria Member", Attribution.shown(false, "Maria Member"));
    }
}

package org.ctoforum.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scan catches what it is there to catch: each case is a deliberate violation, or its correct twin. */
class SqlOwnershipScanTest {

    private final SqlOwnershipScan scan = new SqlOwnershipScan(
            Map.of("forum_session", "forums", "discussion_thread", "discussions", "account", "membership"),
            Map.of("ForumSession", "forums", "DiscussionThread", "discussions"));

    private List<String> problems(String feature, String body) {
        String source = "class Sample {\n  Object run() {\n" + body + "\n  }\n}\n";
        return scan.scan(feature, "Sample.java", source).stream()
                .map(SqlOwnershipScan.Violation::problem)
                .toList();
    }

    @Test
    void aNativeJoinOnAnotherFeaturesTableFails() {
        assertEquals(
                List.of("names forum_session (forums's)"),
                problems(
                        "discussions",
                        "return em.createNativeQuery(\"select t.id from discussion_thread t\"\n"
                                + " + \" join forum_session s on s.id = t.session_id\").getResultList();"));
    }

    @Test
    void aJpqlQueryOnAnotherFeaturesEntityFails() {
        assertEquals(
                List.of("names ForumSession (forums's)"),
                problems(
                        "search",
                        "return em.createQuery(\"select s from ForumSession s\", Object.class).getResultList();"));
    }

    @Test
    void aStatementBuiltInAStringBuilderIsReadWhole() {
        assertEquals(
                List.of("names account (membership's)"),
                problems(
                        "discussions",
                        "StringBuilder sql = new StringBuilder(\"select t.id from discussion_thread t\");\n"
                                + "sql.append(\" join account a on a.id = t.author_id\");\n"
                                + "return em.createNativeQuery(sql.toString()).getResultList();"));
    }

    @Test
    void aSpelledEnumValueFails() {
        assertEquals(
                List.of("spells the value 'VISIBLE'; bind it"),
                problems(
                        "discussions",
                        "return em.createNativeQuery(\"select id from discussion_thread where status = 'VISIBLE'\")"
                                + ".getResultList();"));
    }

    @Test
    void ownTablesBoundValuesAndPlainTextPass() {
        assertEquals(
                List.of(),
                problems(
                        "discussions",
                        "log(\"moved the thread from account 4\");\n"
                                + "return em.createNativeQuery(\"select id from discussion_thread where status = ?\")"
                                + ".setParameter(1, \"VISIBLE\").getResultList();"));
    }
}

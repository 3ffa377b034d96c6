package org.ctoforum.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.problem.ProblemType;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Issue 25: problems a client can branch on, each type with its own page, in UTF-8, naming what was wrong. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProblemsApiIT {

    private static final String PROBLEM_JSON = "application/problem+json;charset=UTF-8";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    Portal portal;

    @BeforeEach
    void connect() {
        portal = new Portal(base);
    }

    @Test
    void distinctProblemsCarryTheirDistinctTypes() {
        Map<String, Portal.Answer> answers = new LinkedHashMap<>();
        answers.put("/problems/validation", portal.get("/api/search?q=budget&page=abc"));
        answers.put(
                "/problems/unreadable-body",
                portal.send(portal.request("/api/search")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"q\": "))));
        answers.put("/problems/unauthenticated", portal.get("/api/me"));
        answers.put("/problems/forbidden", portal.get("/api/admin/members", "member@demo.local"));
        answers.put("/problems/not-found", portal.get("/api/no/such/thing"));
        answers.put("/problems/method-not-allowed", portal.delete("/api/ping"));
        answers.put(
                "/problems/not-acceptable",
                portal.send(portal.request("/api/ping").header("Accept", "image/png")));
        answers.put(
                "/problems/unsupported-media-type",
                portal.send(portal.request("/api/search")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("budget"))));
        List<String> wrong = new ArrayList<>();
        answers.forEach((type, answer) -> {
            if (!PROBLEM_JSON.equals(answer.header("Content-Type"))
                    || !type.equals(answer.json().getString("type"))
                    || answer.json().getInt("status") != answer.status()) {
                wrong.add(type + " <- " + answer);
            }
        });
        assertEquals(List.of(), wrong);
    }

    @Test
    void everyTypeAddressIsAPageSayingWhatToDo() {
        for (ProblemType type : ProblemType.values()) {
            Portal.Answer page = portal.get(type.uri());
            assertEquals(200, page.status(), type.uri());
            assertTrue(page.header("Content-Type").startsWith("text/html"), type.uri());
            assertTrue(page.body().contains(type.title()), type.uri());
            assertTrue(page.body().contains("What to do"), type.uri());
        }
        assertTrue(portal.get("/problems").body().contains("/problems/schedule-conflict"), "the list of all");
        assertEquals(404, portal.get("/problems/no-such-problem").status());
    }

    @Test
    void aBadParameterIsNamedWithItsValueInUtf8() {
        Portal.Answer page = portal.get("/api/search?q=budget&page=abc");
        assertEquals(400, page.status(), page.toString());
        assertEquals(
                "Query parameter \"page\" must be a whole number, not \"abc\".",
                page.json().getString("detail"));
        assertEquals("Invalid input", page.json().getString("title"));

        Portal.Answer year = portal.get("/api/reports?year=a%C3%B1o");
        assertEquals(400, year.status(), year.toString());
        assertEquals(PROBLEM_JSON, year.header("Content-Type"));
        assertEquals(
                "Query parameter \"year\" must be a whole number, not \"año\".",
                year.json().getString("detail"));
    }

    @Test
    void methodNotAllowedKeepsTheAllowHeader() {
        Portal.Answer answer = portal.delete("/api/ping");
        assertEquals(405, answer.status(), answer.toString());
        String allow = answer.header("Allow");
        assertTrue(allow != null && allow.contains("GET") && !allow.contains("DELETE"), "Allow: " + allow);
    }
}

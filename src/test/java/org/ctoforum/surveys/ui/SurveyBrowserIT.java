package org.ctoforum.surveys.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import org.ctoforum.testing.BrowserTest;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 26 in a real browser: staff write and open a survey, a member answers it field by field as they type, and
 * the results show each reader what they may see, with charts and their tables; staff confirm a district's member.
 */
@RunAsClient
class SurveyBrowserIT extends BrowserTest {

    private static final String STAFF = "staff@demo.local";
    private static final String MEMBER = "member@demo.local";
    private static final String MEMBER2 = "member2@demo.local";
    /** A year no other test writes a survey for. */
    private static final int YEAR = 2033;

    private static final String PERCENT = "T" + YEAR + ".WIFI_PERCENT";
    private static final String CHOICE = "T" + YEAR + ".FCC_GOAL";

    @Test
    void staffOpenASurveyAndAMemberAnswersItAsTheyType() {
        signInAndWait(STAFF, Portal.DEMO_PASSWORD);
        browser.get(page("/admin/surveys.xhtml"));
        WebElement year = browser.findElement(By.id("new-survey:year"));
        year.clear();
        year.sendKeys(String.valueOf(YEAR));
        browser.findElement(By.id("new-survey:title")).sendKeys("IT Leadership Survey " + YEAR);
        browser.findElement(By.id("new-survey:create")).click();
        waiting().until(ExpectedConditions.urlContains("/admin/survey.xhtml"));

        browser.findElement(By.id("survey:add-section")).click();
        String question = "survey:sections:0:questions:";
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(question + "0:code")));
        browser.findElement(By.id("survey:sections:0:title")).sendKeys("Your network");
        writeQuestion(question + "0:", PERCENT, "PERCENT", "Share of classrooms with Wi-Fi 6", "");
        browser.findElement(By.id("survey:sections:0:add-question")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(question + "1:code")));
        assertEquals(
                PERCENT,
                browser.findElement(By.id(question + "0:code")).getAttribute("value"),
                "adding a question keeps what was typed");
        writeQuestion(
                question + "1:", CHOICE, "SINGLE", "Do you meet the FCC goal of 1 Gbps per 1,000 students?", "Yes\nNo");
        // Brought to the middle first: clicked where WebDriver's own scrolling leaves it, at the window's lower edge,
        // the press landed beside the button once the top bar became one row.
        WebElement save = browser.findElement(By.id("survey:save"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", save);
        save.click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Saved: 2 questions"));

        browser.get(page("/surveys/answer.xhtml?year=" + YEAR + "&preview=true"));
        assertTrue(browser.findElement(By.id("read-only")).getText().startsWith("Preview"));
        assertFalse(browser.findElement(By.cssSelector("input[data-code='" + PERCENT + "']"))
                .isEnabled());

        Portal portal = new Portal(base);
        long id = surveyId(portal, YEAR);
        browser.get(page("/admin/surveys.xhtml?id=" + id));
        browser.findElement(By.id("manage:next-step")).click();
        WebElement yes =
                waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")));
        assertTrue(browser.findElement(By.cssSelector(".ui-confirm-dialog-message"))
                .getText()
                .contains("questions freeze"));
        yes.click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("chosen"), "open"));

        browser.manage().deleteAllCookies();
        signInAndWait(MEMBER, Portal.DEMO_PASSWORD);
        browser.get(page("/surveys/index.xhtml"));
        WebElement answer = browser.findElement(By.id("answer-" + YEAR));
        assertTrue(answer.getText().startsWith("Answer for "), answer.getText());
        answer.click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "0 of 2 answered"));

        By percent = By.cssSelector("input[data-code='" + PERCENT + "']");
        String error = "q-t" + YEAR + "-wifi_percent-error";
        browser.findElement(percent).sendKeys("150");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id(error), "from 0 to 100"));
        assertTrue(browser.findElement(percent).getAttribute("aria-describedby").contains(error));
        assertEquals("150", browser.findElement(percent).getAttribute("value"), "what was typed stays");
        assertTrue(
                browser.findElement(By.cssSelector("[role=status]")).getText().contains("from 0 to 100"));
        String response = "/api/surveys/" + id + "/response";
        assertTrue(portal.get(response, MEMBER).json().getJsonObject("answers").isEmpty(), "nothing is saved");

        browser.findElement(percent).clear();
        browser.findElement(percent).sendKeys("62");
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "1 of 2 answered"));
        assertTrue(
                browser.findElement(By.cssSelector("[role=status]")).getText().startsWith("Saved"));
        assertEquals("", browser.findElement(By.id(error)).getText());
        assertTrue(browser.findElement(By.id("changes")).getText().contains("to 62"));

        browser.navigate().refresh();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(percent));
        assertEquals("62", browser.findElement(percent).getAttribute("value"), "the answer was saved as typed");
        assertEquals("1", browser.findElement(By.id("answer-progress")).getAttribute("value"));
        assertTrue(browser.findElement(By.id("q-t" + YEAR + "-wifi_percent"))
                .getText()
                .contains("Last changed by"));

        browser.findElement(By.xpath("//fieldset[@data-code='" + CHOICE + "']//label[normalize-space()='Yes']"))
                .click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("progress-text"), "2 of 2 answered"));
        assertNoSidewaysScroll();
        browser.findElement(By.id("answer:submit")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("read-only"), "Submitted on"));
        assertFalse(browser.findElement(percent).isEnabled(), "a submitted response is read-only");
        assertFalse(browser.findElement(By.xpath("//fieldset[@data-code='" + CHOICE + "']//input[@value='Yes']"))
                .isEnabled());
        assertFalse(browser.getPageSource().contains("answer:submit"));
        JsonObject saved = portal.get(response, MEMBER).json();
        assertEquals("SUBMITTED", saved.getString("status"));
        assertEquals("62", saved.getJsonObject("answers").get(PERCENT).toString());
    }

    @Test
    void aMemberWhoseDistrictAnsweredComparesItWithAPeerGroup() {
        Portal portal = new Portal(base);
        String group = "band:" + portal.get("/api/me/district", MEMBER).json().getString("band");
        signInAndWait(MEMBER, Portal.DEMO_PASSWORD);
        browser.get(page("/surveys/results.xhtml?year=2021"));
        Select groups = new Select(browser.findElement(By.id("group")));
        assertTrue(
                groups.getOptions().get(0).getText().matches("All districts \\(\\d+ districts\\)"),
                "each group is labelled with its respondents");
        groups.selectByValue(group);
        String option = groups.getFirstSelectedOption().getText();
        String label = option.substring(0, option.indexOf(" ("));
        browser.findElement(By.id("compare")).click();
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("figures-title"), label));

        List<WebElement> charts = browser.findElements(By.cssSelector("figure.chart"));
        assertTrue(charts.size() > 10, "a figure per question");
        long drawn = charts.stream()
                .filter(c -> !c.findElements(By.tagName("canvas")).isEmpty())
                .filter(c -> !c.findElements(By.cssSelector("table.figures")).isEmpty())
                .count();
        assertTrue(drawn > 5, "charts with their tables beside them: " + drawn);
        String rows = browser.findElements(By.cssSelector("tr.yours")).stream()
                .map(WebElement::getText)
                .reduce("", String::concat);
        assertTrue(rows.contains("Your answer"), rows);
        assertTrue(rows.contains("Your district") && rows.contains("percentile of the group"), rows);
        assertTrue(browser.getPageSource().contains("Free-text answers are read by staff only"));
        assertTrue(browser.findElement(By.id("csv")).getAttribute("href").endsWith("benchmark.csv?group=" + group));

        String both = codes(portal, 2021).stream()
                .filter(codes(portal, 2020)::contains)
                .filter(code -> browser.getPageSource().contains("code=" + code + "&amp;"))
                .findFirst()
                .orElseThrow();
        browser.findElement(By.cssSelector("a[href*='code=" + both + "&']")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("trend-table")));
        String table = browser.findElement(By.id("trend-table")).getText();
        assertTrue(table.contains("2020") && table.contains("2021"), table);
        assertTrue(browser.findElement(By.cssSelector(".lead")).getText().startsWith(label));
    }

    @Test
    void aMemberWhoseDistrictDidNotAnswerReadsTheNationalFigures() {
        signInAndWait(MEMBER2, Portal.DEMO_PASSWORD);
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(page("/surveys/results.xhtml?year=2021&group=locale:rural"));
        assertTrue(browser.findElement(By.id("answer-prompt")).getText().contains("answer next year's survey"));
        assertTrue(browser.findElement(By.id("figures-title")).getText().startsWith("All districts"));
        assertFalse(browser.getPageSource().contains("id=\"group-picker\""), "no peer groups without answering");
        assertTrue(browser.findElements(By.cssSelector("figure.chart canvas")).size() > 5);
        assertNoSidewaysScroll();
    }

    @Test
    void aVisitorReadsOnlyThePublicFindings() {
        Portal portal = new Portal(base);
        long id = surveyId(portal, 2021);
        JsonArray everyone = portal.get("/api/surveys/" + id + "/findings").array();
        JsonArray members =
                portal.get("/api/surveys/" + id + "/findings", MEMBER).array();
        assertTrue(members.size() > everyone.size(), "the demo survey has members-only findings");

        browser.get(page("/surveys/results.xhtml?year=2021"));
        String findings = browser.findElement(By.id("findings-title"))
                .findElement(By.xpath(".."))
                .getText();
        for (JsonObject finding : members.getValuesAs(JsonObject.class)) {
            boolean open = finding.getString("access").equals("PUBLIC");
            assertEquals(open, findings.contains(finding.getString("title")), finding.getString("title"));
        }
        assertTrue(browser.findElement(By.id("join-prompt")).isDisplayed());
        assertFalse(browser.getPageSource().contains("<canvas"), "no figures for visitors");
    }

    @Test
    void staffConfirmAMemberWhoNamedANewDistrict() {
        Portal portal = new Portal(base);
        JsonObject before = portal.get("/api/me/district", MEMBER2).json();
        String restore = "{\"name\": \"" + before.getString("name") + "\", \"state\": \"" + before.getString("state")
                + "\", \"enrollment\": " + before.getInt("enrollment") + ", \"locale\": \"" + before.getString("locale")
                + "\", \"region\": \"" + before.getString("region") + "\"}";
        String named = "Willow Bend Consolidated Schools";
        try {
            assertEquals(
                    200,
                    portal.putJson(
                                    "/api/me/district",
                                    "{\"name\": \"" + named + "\", \"state\": \"OR\", \"enrollment\": 3200,"
                                            + " \"locale\": \"TOWN\", \"region\": \"WEST\"}",
                                    MEMBER2)
                            .status());
            signInAndWait(MEMBER2, Portal.DEMO_PASSWORD);
            browser.get(page("/me/profile.xhtml"));
            assertTrue(browser.findElement(By.id("district-status")).getText().contains("awaiting confirmation"));
            assertEquals(
                    named,
                    browser.findElement(By.id("district-form:district-name")).getAttribute("value"));
            browser.get(page("/surveys/answer.xhtml?year=2021"));
            assertTrue(
                    browser.findElement(By.id("awaiting")).getText().contains(named), "no answering until confirmed");

            browser.manage().deleteAllCookies();
            signInAndWait(STAFF, Portal.DEMO_PASSWORD);
            browser.get(page("/admin/districts.xhtml"));
            browser.findElement(By.xpath("//table[@id='pending:list']//tr[td[contains(., '" + named + "')]]"
                            + "//button[contains(@aria-label, 'Confirm')]"))
                    .click();
            waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "now speaks for"));
            assertFalse(browser.findElement(By.id("pending")).getText().contains(named), "no longer waiting");
            assertTrue(browser.findElement(By.id("confirmed:list")).getText().contains(named));
            assertTrue(portal.get("/api/me/district", MEMBER2).json().getBoolean("confirmed"));
        } finally {
            portal.putJson("/api/me/district", restore, MEMBER2);
            portal.get("/api/districts/members?pending=true", STAFF).array().getValuesAs(JsonObject.class).stream()
                    .filter(m -> m.getString("district").equals(before.getString("name")))
                    .forEach(m -> portal.postJson(
                            "/api/districts/members/" + m.getJsonNumber("accountId") + "/confirmation", "", STAFF));
        }
        assertTrue(portal.get("/api/me/district", MEMBER2).json().getBoolean("confirmed"), "restored");
    }

    private void writeQuestion(String prefix, String code, String type, String text, String options) {
        browser.findElement(By.id(prefix + "code")).sendKeys(code);
        new Select(browser.findElement(By.id(prefix + "type"))).selectByValue(type);
        browser.findElement(By.id(prefix + "text")).sendKeys(text);
        browser.findElement(By.id(prefix + "options")).sendKeys(options);
        browser.findElement(By.id(prefix + "required")).click();
    }

    private void assertNoSidewaysScroll() {
        browser.manage().window().setSize(new Dimension(390, 844));
        Long overflow = (Long) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertTrue(overflow <= 0, "no sideways scrolling on a phone: " + overflow + " px too wide");
    }

    private static List<String> codes(Portal portal, int year) {
        return portal.get("/api/surveys/" + surveyId(portal, year)).json().getJsonArray("sections").stream()
                .flatMap(section -> section.asJsonObject().getJsonArray("questions").stream())
                .map(question -> question.asJsonObject().getString("code"))
                .toList();
    }

    private static long surveyId(Portal portal, int year) {
        return portal.get("/api/surveys", STAFF).array().getValuesAs(JsonObject.class).stream()
                .filter(s -> s.getInt("year") == year)
                .findFirst()
                .orElseThrow()
                .getJsonNumber("id")
                .longValue();
    }
}

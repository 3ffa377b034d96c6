package org.ctoforum.testing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person at the keyboard, without a mouse: keys go to whatever has focus, text is typed into the focused field,
 * nothing is clicked. After every key the element with focus must show it.
 */
public final class Keyboard {

    private static final int MOST_TABS = 120;

    /**
     * What the element with focus shows of it: "" when a ring shows (an outline of 2 px or more, or a box shadow)
     * while it matches :focus-visible, "page" when no element has focus, else a description of the element.
     */
    private static final String FOCUS_UNSEEN =
            """
            const e = document.activeElement;
            if (!e || e === document.body || e === document.documentElement) return 'page';
            const s = getComputedStyle(e);
            const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2) || s.boxShadow !== 'none';
            return e.matches(':focus-visible') && ring ? ''
              : e.tagName + '#' + e.id + '.' + e.className + ' outline ' + s.outlineStyle + ' ' + s.outlineWidth
                + ', shadow ' + s.boxShadow;
            """;

    private final WebDriver browser;

    public Keyboard(WebDriver browser) {
        this.browser = browser;
    }

    /** Presses Tab until the element with focus is the target; fails after {@value #MOST_TABS} presses. */
    public WebElement tabTo(String what, By target) {
        List<WebElement> wanted = browser.findElements(target);
        assertFalse(wanted.isEmpty(), what + " is on the page " + browser.getCurrentUrl());
        for (int tabs = 0; tabs < MOST_TABS; tabs++) {
            WebElement active = focused();
            if (wanted.contains(active)) {
                return active;
            }
            press(Keys.TAB);
        }
        return fail(what + " not reached in " + MOST_TABS + " presses of Tab on " + browser.getCurrentUrl());
    }

    /** One key to whatever has focus, then checks that focus shows. */
    public void press(CharSequence key) {
        new Actions(browser).sendKeys(key).perform();
        assertFocusShows();
    }

    private void assertFocusShows() {
        String unseen = (String) ((JavascriptExecutor) browser).executeScript(FOCUS_UNSEEN);
        if (!unseen.isEmpty() && !unseen.equals("page")) {
            fail("focus does not show on " + unseen + " at " + browser.getCurrentUrl());
        }
    }

    /** Shift+Tab: focus goes back one stop. */
    public void shiftTab() {
        new Actions(browser)
                .keyDown(Keys.SHIFT)
                .sendKeys(Keys.TAB)
                .keyUp(Keys.SHIFT)
                .perform();
        assertFocusShows();
    }

    /** A key that leaves the page (a link, a form without Ajax): waits for the next page. */
    public void pressAndLoad(CharSequence key) {
        WebElement old = browser.findElement(By.tagName("html"));
        press(key);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(driver -> gone(old));
    }

    /**
     * Whether the element left the page. While the next page replaces it, Chrome may answer "node does not belong to
     * the document" rather than "stale", which stalenessOf does not count as gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException replaced) {
            return true;
        }
    }

    /** Types into the element with focus. */
    public void type(String text) {
        new Actions(browser).sendKeys(text).perform();
    }

    public WebElement focused() {
        return browser.switchTo().activeElement();
    }
}

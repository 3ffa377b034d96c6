package org.ctoforum.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PortalLauncherTest {

    @Test
    void theWaitEndsWhenTheDemoContentHasFailed() {
        assertTrue(
                PortalLauncher.gaveUp(
                        "{\"status\":\"DOWN\",\"checks\":[{\"name\":\"demo-content\",\"status\":\"DOWN\","
                                + "\"data\":{\"state\":\"failed\",\"error\":\"Attempt to invoke when container is in Undeployed\"}}]}"));
        assertTrue(PortalLauncher.gaveUp("{\n  \"data\": {\n    \"state\" : \"failed\"\n  }\n}"));
    }

    @Test
    void theWaitGoesOnWhileTheDemoContentLoads() {
        assertFalse(
                PortalLauncher.gaveUp("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"demo-content\",\"status\":\"DOWN\","
                        + "\"data\":{\"state\":\"loading\"}}]}"));
        assertFalse(PortalLauncher.gaveUp("no answer"));
    }

    @Test
    void anErrorMessageQuotingTheWordsDoesNotEndTheWait() {
        assertFalse(PortalLauncher.gaveUp("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"DOWN\","
                + "\"data\":{\"error\":\"a seed wrote \\\"state\\\":\\\"failed\\\" in a post\"}}]}"));
    }
}

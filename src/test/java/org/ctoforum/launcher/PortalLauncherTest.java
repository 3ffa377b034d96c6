package org.ctoforum.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.ctoforum.platform.settings.PortalSetting;
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

    private static Map<PortalSetting, String> defaults() {
        Map<PortalSetting, String> settings = new EnumMap<>(PortalSetting.class);
        for (PortalSetting setting : PortalSetting.values()) {
            settings.put(setting, setting.defaultValue());
        }
        settings.put(PortalSetting.NODE_NAME, "node-a");
        return settings;
    }

    @Test
    void aloneTheGridIsOffAndNothingIsRequired() {
        Map<PortalSetting, String> settings = defaults();
        assertEquals(List.of("--nohazelcast"), PortalLauncher.gridOptions(settings));
        assertEquals(List.of(), PortalLauncher.clusterProblems(settings));
    }

    @Test
    void aClusterRefusesTheEmbeddedDatabaseAndAMissingPassword() {
        Map<PortalSetting, String> settings = defaults();
        settings.put(PortalSetting.CLUSTER_MEMBERS, "10.0.0.5:6900,10.0.0.6:6900");
        List<String> problems = PortalLauncher.clusterProblems(settings);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("PORTAL_DB_URL"), problems.get(0));
        assertTrue(problems.get(1).contains("PORTAL_CLUSTER_PASSWORD"), problems.get(1));

        settings.put(PortalSetting.DB_URL, "jdbc:postgresql://db:5432/portal");
        settings.put(PortalSetting.CLUSTER_PASSWORD, "s3cret");
        assertEquals(List.of(), PortalLauncher.clusterProblems(settings));
    }

    @Test
    void aClusterDiscoversOnlyItsListedMembersUnderANameThatFoldsInThePassword() {
        Map<PortalSetting, String> settings = defaults();
        settings.put(PortalSetting.CLUSTER_MEMBERS, "127.0.0.1:6900, 127.0.0.1:6901");
        settings.put(PortalSetting.CLUSTER_PASSWORD, "s3cret");
        settings.put(PortalSetting.CLUSTER_PORT, "6901");
        settings.put(PortalSetting.CLUSTER_INTERFACE, "127.0.0.1");
        List<String> options = PortalLauncher.gridOptions(settings);
        assertFalse(options.contains("--nohazelcast"));
        assertEquals("tcpip:127.0.0.1:6900,127.0.0.1:6901", options.get(options.indexOf("--clustermode") + 1));
        assertEquals("6901", options.get(options.indexOf("--startport") + 1));
        assertEquals("node-a", options.get(options.indexOf("--name") + 1));
        assertEquals("127.0.0.1", options.get(options.indexOf("--interfaces") + 1));
        assertTrue(options.contains("--nohostaware"));

        String name = options.get(options.indexOf("--clustername") + 1);
        assertTrue(name.startsWith("cto-forum-"), name);
        assertEquals(name, PortalLauncher.gridName("cto-forum", "s3cret"));
        assertNotEquals(name, PortalLauncher.gridName("cto-forum", "other"));
        assertFalse(name.contains("s3cret"));
    }
}

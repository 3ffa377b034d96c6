package org.ctoforum.platform.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PortalSettingTest {

    @Test
    void documentedFileListsEveryKeyWithItsDefault() throws IOException {
        Properties documented = new Properties();
        try (Reader reader = Files.newBufferedReader(Path.of("config/portal.properties"))) {
            documented.load(reader);
        }
        Set<String> keys =
                Arrays.stream(PortalSetting.values()).map(PortalSetting::key).collect(Collectors.toSet());
        assertEquals(keys, documented.stringPropertyNames());
        for (PortalSetting setting : PortalSetting.values()) {
            assertEquals(setting.defaultValue(), documented.getProperty(setting.key()), setting.key());
        }
    }

    @Test
    void everyDefaultIsValid() {
        assertEquals(List.of(), PortalSetting.problems(PortalSetting::defaultValue));
    }

    @Test
    void environmentVariableFollowsMicroProfileConfigRule() {
        assertEquals("PORTAL_HTTP_PORT", PortalSetting.HTTP_PORT.environmentVariable());
        assertEquals(
                "PORTAL_SIGNIN_MAX_FAILURES_PER_ACCOUNT",
                PortalSetting.SIGNIN_MAX_FAILURES_PER_ACCOUNT.environmentVariable());
    }

    @Test
    void systemPropertyWinsOverEnvironmentWhichWinsOverDefault() {
        Map<String, String> properties = Map.of("portal.http.port", "9000");
        Map<String, String> environment = Map.of("PORTAL_HTTP_PORT", "9001", "PORTAL_DATA_DIR", "/srv/portal");
        assertEquals("9000", PortalSetting.HTTP_PORT.resolve(properties::get, environment::get));
        assertEquals("/srv/portal", PortalSetting.DATA_DIR.resolve(properties::get, environment::get));
        assertEquals("auto", PortalSetting.DEMO.resolve(properties::get, environment::get));
    }

    @Test
    void badValuesAreReportedByTheirVariableName() {
        Map<PortalSetting, String> values = Map.of(
                PortalSetting.HTTP_PORT, "eighty",
                PortalSetting.DEMO, "yes",
                PortalSetting.DB_URL, "mysql://db",
                PortalSetting.BASE_URL, "ftp://portal",
                PortalSetting.TIME_ZONE, "Mars/Olympus",
                PortalSetting.DB_PASSWORD, "hunter2");
        List<String> problems = PortalSetting.problems(setting -> values.getOrDefault(setting, setting.defaultValue()));
        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("PORTAL_HTTP_PORT (portal.http.port) = 'eighty': must be a port"));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("PORTAL_DEMO ") && p.contains("true, false or auto")));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("PORTAL_TIME_ZONE ")));
    }

    @Test
    void secretsAreNeverEchoed() {
        assertNull(PortalSetting.DB_PASSWORD.problemWith("anything"));
        Settings settings =
                Settings.of(Map.of(PortalSetting.DB_PASSWORD, "hunter2", PortalSetting.MAIL_PASSWORD, "s3cret"));
        assertTrue(settings.describe().contains("portal.db.password=****"));
        assertTrue(
                !settings.describe().contains("hunter2") && !settings.describe().contains("s3cret"));
    }

    @Test
    void baseUrlDefaultsToLocalhostAndPort() {
        assertEquals(
                "http://localhost:18080",
                Settings.of(Map.of(PortalSetting.HTTP_PORT, "18080")).baseUrl());
        assertEquals(
                "https://forum.example.org",
                Settings.of(Map.of(PortalSetting.BASE_URL, "https://forum.example.org/"))
                        .baseUrl());
    }
}

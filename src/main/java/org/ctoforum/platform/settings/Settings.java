package org.ctoforum.platform.settings;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * The settings in effect, read once through MicroProfile Config (system properties, then environment variables, then
 * the defaults of {@link PortalSetting}). A wrong value stops the deployment with a message naming the setting.
 */
@ApplicationScoped
public class Settings {

    private static final Logger LOG = Logger.getLogger(Settings.class.getName());

    @Inject
    Config config;

    private final Map<PortalSetting, String> values = new EnumMap<>(PortalSetting.class);

    public Settings() {}

    /** For tests and tools: settings from a fixed map, defaults for the rest. */
    public static Settings of(Map<PortalSetting, String> given) {
        Settings settings = new Settings();
        for (PortalSetting setting : PortalSetting.values()) {
            settings.values.put(setting, given.getOrDefault(setting, setting.defaultValue()));
        }
        return settings;
    }

    @PostConstruct
    void read() {
        for (PortalSetting setting : PortalSetting.values()) {
            values.put(
                    setting,
                    config.getOptionalValue(setting.key(), String.class)
                            .map(String::strip)
                            .orElse(setting.defaultValue()));
        }
        List<String> problems = PortalSetting.problems(values::get);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Wrong settings: " + String.join("; ", problems));
        }
        LOG.info(() -> "Settings in effect: " + describe());
    }

    /** Every setting and its value, secrets masked, for the start-up log. */
    public String describe() {
        return values.entrySet().stream()
                .map(e -> e.getKey().key() + "="
                        + (e.getKey().secret() && !e.getValue().isEmpty() ? "****" : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    public String text(PortalSetting setting) {
        return values.get(setting);
    }

    public int number(PortalSetting setting) {
        return Integer.parseInt(values.get(setting));
    }

    public boolean flag(PortalSetting setting) {
        return Boolean.parseBoolean(values.get(setting));
    }

    public Path dataDir() {
        return Path.of(text(PortalSetting.DATA_DIR));
    }

    /** Stored files: shared by every node of a cluster, so not necessarily under this node's data folder. */
    public Path filesDir() {
        String files = text(PortalSetting.FILES_DIR);
        return files.isEmpty() ? dataDir().resolve("files") : Path.of(files);
    }

    /** True when this node is one of several, sharing the database through a Hazelcast cluster. */
    public boolean clustered() {
        return !text(PortalSetting.CLUSTER_MEMBERS).isEmpty();
    }

    /** This node's name, in logs, the search change log's node list and the {@code X-Portal-Node} header. */
    public String nodeName() {
        String name = text(PortalSetting.NODE_NAME);
        return name.isEmpty() ? PortalSetting.defaultNodeName() : name;
    }

    public boolean demo() {
        return flag(PortalSetting.DEMO);
    }

    /** The address users reach the portal at, without a trailing slash. */
    public String baseUrl() {
        String url = text(PortalSetting.BASE_URL);
        if (url.isEmpty()) {
            url = "http://localhost:" + text(PortalSetting.HTTP_PORT);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public ZoneId timeZone() {
        return ZoneId.of(text(PortalSetting.TIME_ZONE));
    }

    public Duration minutes(PortalSetting setting) {
        return Duration.ofMinutes(number(setting));
    }
}

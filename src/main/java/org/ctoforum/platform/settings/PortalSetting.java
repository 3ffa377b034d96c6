package org.ctoforum.platform.settings;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Every setting of the portal, with its default. The launcher and the WAR both read this one list, so a key or a
 * default is never spelled twice; {@code config/portal.properties} documents it and a test keeps the two equal.
 */
public enum PortalSetting {
    HTTP_PORT("portal.http.port", "8080", Kind.PORT),
    HTTP_REQUEST_TIMEOUT_SECONDS("portal.http.request-timeout-seconds", "300", Kind.POSITIVE_INT),
    DATA_DIR("portal.data.dir", "./data", Kind.PATH),
    FILES_DIR("portal.files.dir", "", Kind.OPTIONAL_PATH),
    DB_URL("portal.db.url", "", Kind.JDBC_URL),
    DB_USER("portal.db.user", "portal", Kind.TEXT),
    DB_PASSWORD("portal.db.password", "", Kind.SECRET),
    DB_EMBEDDED_PORT("portal.db.embedded.port", "54321", Kind.PORT),
    DEMO("portal.demo", "auto", Kind.AUTO_BOOLEAN),
    DEMO_PASSWORD("portal.demo.password", "", Kind.SECRET),
    BASE_URL("portal.base.url", "", Kind.URL),
    TIME_ZONE("portal.time.zone", "America/New_York", Kind.TIME_ZONE),
    MAIL_HOST("portal.mail.host", "", Kind.TEXT),
    MAIL_PORT("portal.mail.port", "25", Kind.PORT),
    MAIL_USER("portal.mail.user", "", Kind.TEXT),
    MAIL_PASSWORD("portal.mail.password", "", Kind.SECRET),
    MAIL_STARTTLS("portal.mail.starttls", "false", Kind.BOOLEAN),
    MAIL_FROM("portal.mail.from", "CTO Forum <no-reply@ctoforum.local>", Kind.TEXT),
    SIGNIN_MAX_FAILURES_PER_ACCOUNT("portal.signin.max-failures-per-account", "5", Kind.POSITIVE_INT),
    SIGNIN_MAX_FAILURES_PER_ADDRESS("portal.signin.max-failures-per-address", "20", Kind.POSITIVE_INT),
    SIGNIN_WINDOW_MINUTES("portal.signin.window-minutes", "15", Kind.POSITIVE_INT),
    PASSWORD_RESET_MINUTES("portal.password.reset-minutes", "60", Kind.POSITIVE_INT),
    EMAIL_CONFIRMATION_HOURS("portal.email.confirmation-hours", "48", Kind.POSITIVE_INT),
    INVITATION_DAYS("portal.invitation.days", "14", Kind.POSITIVE_INT),
    ADMIN_EMAIL("portal.admin.email", "", Kind.TEXT),
    IMPORT_MAX_BYTES("portal.import.max-bytes", "10485760", Kind.POSITIVE_INT),
    POST_MAX_BYTES("portal.discussions.post-max-bytes", "65536", Kind.POSITIVE_INT),
    POSTS_PER_MINUTE("portal.discussions.posts-per-minute", "10", Kind.POSITIVE_INT),
    POSTS_PER_MINUTE_PER_ADDRESS("portal.discussions.posts-per-minute-per-address", "60", Kind.POSITIVE_INT),
    FLAGS_TO_HIDE("portal.discussions.flags-to-hide", "3", Kind.POSITIVE_INT),
    REVIEW_FIRST_POSTS("portal.discussions.review-first-posts", "0", Kind.COUNT),
    DIGEST_HOUR("portal.notifications.digest-hour", "7", Kind.HOUR),
    REPORT_UPLOAD_MAX_BYTES("portal.reports.upload-max-bytes", "104857600", Kind.POSITIVE_INT),
    REPORT_LINK_MAX_MINUTES("portal.reports.link-max-minutes", "1440", Kind.POSITIVE_INT),
    DOWNLOAD_ACCEL_REDIRECT("portal.downloads.accel-redirect", "", Kind.PATH_PREFIX),
    SEARCH_SHOW_LOCKED("portal.search.show-locked", "true", Kind.BOOLEAN),
    SEARCHES_PER_MINUTE("portal.limits.searches-per-minute", "60", Kind.POSITIVE_INT),
    SEARCHES_PER_MINUTE_PER_ADDRESS("portal.limits.searches-per-minute-per-address", "300", Kind.POSITIVE_INT),
    DOWNLOADS_PER_HOUR("portal.limits.downloads-per-hour", "120", Kind.POSITIVE_INT),
    DOWNLOADS_PER_HOUR_PER_ADDRESS("portal.limits.downloads-per-hour-per-address", "600", Kind.POSITIVE_INT),
    SIGNUPS_PER_HOUR_PER_ADDRESS("portal.limits.signups-per-hour-per-address", "50", Kind.POSITIVE_INT),
    TRUSTED_PROXIES("portal.proxy.trusted-addresses", "", Kind.ADDRESS_LIST),
    SURVEY_MIN_GROUP_SIZE("portal.surveys.min-group-size", "10", Kind.GROUP_SIZE),
    SEARCH_CHANGE_LOG_DAYS("portal.search.change-log-days", "7", Kind.POSITIVE_INT),
    CLUSTER_MEMBERS("portal.cluster.members", "", Kind.MEMBER_LIST),
    CLUSTER_NAME("portal.cluster.name", "cto-forum", Kind.NAME),
    CLUSTER_PASSWORD("portal.cluster.password", "", Kind.SECRET),
    CLUSTER_PORT("portal.cluster.port", "6900", Kind.PORT),
    CLUSTER_INTERFACE("portal.cluster.interface", "", Kind.INTERFACE),
    NODE_NAME("portal.node.name", "", Kind.OPTIONAL_NAME);

    private final String key;
    private final String defaultValue;
    private final Kind kind;

    PortalSetting(String key, String defaultValue, Kind kind) {
        this.key = key;
        this.defaultValue = defaultValue;
        this.kind = kind;
    }

    public String key() {
        return key;
    }

    /** The environment variable that overrides the key, by MicroProfile Config's mapping rule. */
    public String environmentVariable() {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    public String defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return kind == Kind.SECRET;
    }

    /** Checks a value; answers why it is wrong, or null when it is fine. */
    public String problemWith(String value) {
        if (value == null || value.isBlank()) {
            return kind.blankAllowed ? null : "must not be empty";
        }
        return kind.check.apply(value.strip());
    }

    /** The value from system properties, then the environment, then the default. */
    public String resolve(Function<String, String> systemProperties, Function<String, String> environment) {
        String value = systemProperties.apply(key);
        if (value == null) {
            value = environment.apply(environmentVariable());
        }
        return value == null ? defaultValue : value.strip();
    }

    /**
     * This node's name when {@code portal.node.name} is empty: the host name, cut to what the setting accepts, so the
     * launcher's Payara and the WAR name the node alike.
     */
    public static String defaultNodeName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        String name = host.replaceAll("[^A-Za-z0-9._-]", "-");
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    /** Every setting whose value is wrong, as one message each naming the setting. */
    public static List<String> problems(Function<PortalSetting, String> values) {
        List<String> problems = new ArrayList<>();
        for (PortalSetting setting : values()) {
            String value = values.apply(setting);
            String problem = setting.problemWith(value);
            if (problem != null) {
                String shown = setting.secret() ? "(secret)" : "'" + value + "'";
                problems.add(setting.environmentVariable() + " (" + setting.key + ") = " + shown + ": " + problem);
            }
        }
        return problems;
    }

    private enum Kind {
        TEXT(true, value -> null),
        SECRET(true, value -> null),
        PATH(false, Kind::checkPath),
        OPTIONAL_PATH(true, Kind::checkPath),
        NAME(false, Kind::checkName),
        OPTIONAL_NAME(true, Kind::checkName),
        // Hazelcast's tcpip members, one by one: it refuses port ranges.
        MEMBER_LIST(
                true,
                value -> value.matches("\\s*[A-Za-z0-9.-]+:[0-9]{1,5}\\s*(,\\s*[A-Za-z0-9.-]+:[0-9]{1,5}\\s*)*")
                        ? null
                        : "must be host:port pairs separated by commas, such as node1:6900,node2:6900"),
        // An address, or a pattern with '*' as Hazelcast takes it (10.0.0.*).
        INTERFACE(
                true,
                value -> value.matches("[0-9*]{1,3}(\\.[0-9*]{1,3}){3}")
                        ? null
                        : "must be an IPv4 address such as 10.0.0.5 or 10.0.0.*"),
        PORT(false, value -> checkInt(value, 1, 65535, "a port number from 1 to 65535")),
        POSITIVE_INT(false, value -> checkInt(value, 1, Integer.MAX_VALUE, "a whole number above 0")),
        COUNT(false, value -> checkInt(value, 0, Integer.MAX_VALUE, "a whole number, 0 or more")),
        HOUR(false, value -> checkInt(value, 0, 23, "an hour of the day from 0 to 23")),
        // Below 5 a median or a share is close to one district's own answer.
        GROUP_SIZE(false, value -> checkInt(value, 5, 1000, "a whole number from 5 to 1000")),
        BOOLEAN(false, value -> isBoolean(value) ? null : "must be true or false"),
        AUTO_BOOLEAN(false, value -> isBoolean(value) || value.equals("auto") ? null : "must be true, false or auto"),
        URL(true, value -> checkUri(value, v -> v.startsWith("http://") || v.startsWith("https://"), "an http(s) URL")),
        JDBC_URL(true, value -> value.startsWith("jdbc:postgresql:") ? null : "must start with jdbc:postgresql:"),
        TIME_ZONE(false, Kind::checkZone),
        PATH_PREFIX(
                true,
                value -> value.matches("/([A-Za-z0-9._-]+/)+") ? null : "must be a path such as /internal-files/"),
        // Literal addresses only: a name would need a lookup on every request.
        ADDRESS_LIST(
                true,
                value -> value.matches("\\s*[0-9A-Fa-f:.]+\\s*(,\\s*[0-9A-Fa-f:.]+\\s*)*")
                        ? null
                        : "must be IP addresses separated by commas, such as 10.0.0.5,10.0.0.6");

        private final boolean blankAllowed;
        private final Function<String, String> check;

        Kind(boolean blankAllowed, Function<String, String> check) {
            this.blankAllowed = blankAllowed;
            this.check = check;
        }

        private static boolean isBoolean(String value) {
            return value.equals("true") || value.equals("false");
        }

        private static String checkInt(String value, int min, int max, String expected) {
            try {
                int number = Integer.parseInt(value);
                return number >= min && number <= max ? null : "must be " + expected;
            } catch (NumberFormatException e) {
                return "must be " + expected;
            }
        }

        private static String checkName(String value) {
            return value.matches("[A-Za-z0-9._-]{1,60}") ? null : "must be 1 to 60 letters, digits, '.', '_' or '-'";
        }

        private static String checkPath(String value) {
            try {
                Path.of(value);
                return null;
            } catch (InvalidPathException e) {
                return "is not a valid path: " + e.getReason();
            }
        }

        private static String checkUri(String value, Predicate<String> scheme, String expected) {
            try {
                URI uri = new URI(value);
                return scheme.test(value) && uri.getHost() != null ? null : "must be " + expected;
            } catch (Exception e) {
                return "must be " + expected;
            }
        }

        private static String checkZone(String value) {
            try {
                ZoneId.of(value);
                return null;
            } catch (Exception e) {
                return "is not a time zone id such as America/New_York";
            }
        }
    }
}

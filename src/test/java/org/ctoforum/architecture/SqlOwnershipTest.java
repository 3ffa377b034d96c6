package org.ctoforum.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Each feature's SQL and JPQL name only its own tables and entities, with enum values bound: checked on the sources. */
class SqlOwnershipTest {

    static final Path SOURCES = Path.of("src/main/java/org/ctoforum");
    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path OWNERS = Path.of("src/main/resources/db/table-owners.properties");
    private static final Pattern CREATE_TABLE =
            Pattern.compile("(?i)create table (?:if not exists )?([a-z_][a-z_0-9]*)");

    @Test
    void everyTableHasAnOwnerThatExists() throws IOException {
        Map<String, String> owners = tableOwners();
        Set<String> features = features();
        Set<String> created = new TreeSet<>();
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path migration :
                    files.filter(file -> file.toString().endsWith(".sql")).toList()) {
                Matcher table = CREATE_TABLE.matcher(Files.readString(migration));
                while (table.find()) {
                    created.add(table.group(1).toLowerCase());
                }
            }
        }
        assertEquals(created, new TreeSet<>(owners.keySet()), "tables created by the migrations against " + OWNERS);
        owners.forEach((table, owner) ->
                assertEquals(true, features.contains(owner), table + " belongs to " + owner + ", which is no package"));
    }

    @Test
    void featuresNameOnlyTheirOwnTablesAndBindEnumValues() throws IOException {
        SqlOwnershipScan scan = new SqlOwnershipScan(tableOwners(), entityOwners());
        List<SqlOwnershipScan.Violation> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                violations.addAll(scan.scan(featureOf(file), file.toString(), Files.readString(file)));
            }
        }
        assertEquals(List.of(), violations);
    }

    static Map<String, String> tableOwners() throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(OWNERS)) {
            properties.load(reader);
        }
        Map<String, String> owners = new TreeMap<>();
        properties.forEach((table, owner) -> owners.put((String) table, (String) owner));
        return owners;
    }

    /** Every JPA entity's simple name, and the feature whose package holds it. */
    static Map<String, String> entityOwners() throws IOException {
        Map<String, String> owners = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file :
                    files.filter(path -> path.toString().endsWith(".java")).toList()) {
                if (Files.readString(file).contains("\n@Entity")) {
                    String name = file.getFileName().toString().replace(".java", "");
                    String before = owners.put(name, featureOf(file));
                    assertEquals(null, before, "two entities are named " + name);
                }
            }
        }
        return owners;
    }

    static Set<String> features() throws IOException {
        try (Stream<Path> folders = Files.list(SOURCES)) {
            return new TreeSet<>(folders.filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    .toList());
        }
    }

    static String featureOf(Path file) {
        return SOURCES.relativize(file).getName(0).toString();
    }
}

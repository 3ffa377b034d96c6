package org.ctoforum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * Payara keeps sessions in Hazelcast only when the application and every web fragment inside it are distributable;
 * one fragment that is not makes it fall back to memory sessions without a word, and a member is signed out when
 * their node goes. This reads the built WAR, as Payara will.
 */
class DistributableWarIT {

    private static final Path WAR = Path.of("target", "ROOT.war");

    @Test
    void theApplicationAndEveryWebFragmentInItAreDistributable() throws IOException {
        assertTrue(Files.isRegularFile(WAR), WAR + " is built by package, before the integration tests");
        List<String> fragments = new ArrayList<>();
        List<String> notDistributable = new ArrayList<>();
        try (ZipFile war = new ZipFile(WAR.toFile())) {
            ZipEntry webXml = war.getEntry("WEB-INF/web.xml");
            try (InputStream in = war.getInputStream(webXml)) {
                if (!distributable(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
                    notDistributable.add("WEB-INF/web.xml");
                }
            }
            for (ZipEntry entry : war.stream().toList()) {
                if (!entry.getName().startsWith("WEB-INF/lib/")
                        || !entry.getName().endsWith(".jar")) {
                    continue;
                }
                try (JarInputStream jar = new JarInputStream(war.getInputStream(entry))) {
                    for (JarEntry inner = jar.getNextJarEntry(); inner != null; inner = jar.getNextJarEntry()) {
                        if (inner.getName().equals("META-INF/web-fragment.xml")) {
                            fragments.add(entry.getName());
                            String xml = new String(jar.readAllBytes(), StandardCharsets.UTF_8);
                            if (!distributable(xml)) {
                                notDistributable.add(entry.getName());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(
                fragments.stream().anyMatch(name -> name.contains("primefaces")),
                "PrimeFaces' fragment was not found, so the scan is not reading the jars: " + fragments);
        assertEquals(List.of(), notDistributable, "not distributable, so sessions would stay in one node's memory");
    }

    /** Comments aside, the descriptor declares the element. */
    private static boolean distributable(String descriptor) {
        return descriptor.replaceAll("(?s)<!--.*?-->", "").matches("(?s).*<distributable\\s*/>.*");
    }
}

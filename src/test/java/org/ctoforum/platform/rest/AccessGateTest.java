package org.ctoforum.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ctoforum.platform.security.Role;
import org.junit.jupiter.api.Test;

/** Every write in the API says who may call it, so the gate can refuse a caller before reading what they sent. */
class AccessGateTest {

    @Test
    void everyWriteSaysWhoMayCallIt() throws Exception {
        List<String> unsaid = new ArrayList<>();
        int writes = 0;
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                if (AccessGate.isWrite(method)) {
                    writes++;
                    if (AccessGate.openTo(method, resource) == null) {
                        unsaid.add(resource.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertTrue(writes > 60, writes + " writes found: the scan missed the resources");
        assertEquals(List.of(), unsaid, "writes without @OpenTo");
    }

    @Test
    void staffUploadsAndImportsAreForStaff() throws Exception {
        for (Class<?> resource : resources()) {
            for (Method method : resource.getDeclaredMethods()) {
                boolean upload = Stream.of(method.getParameterTypes())
                        .anyMatch(type -> type == List.class || type == java.io.InputStream.class);
                if (upload && AccessGate.isWrite(method)) {
                    assertEquals(
                            List.of(Role.Names.STAFF),
                            List.of(AccessGate.openTo(method, resource).value()),
                            resource.getSimpleName() + "." + method.getName());
                }
            }
        }
    }

    /** The classes with a JAX-RS path, read from the compiled classes. */
    private static List<Class<?>> resources() throws IOException, URISyntaxException {
        java.nio.file.Path root = java.nio.file.Path.of(AccessGate.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toURI());
        List<Class<?>> resources = new ArrayList<>();
        try (Stream<java.nio.file.Path> files = Files.walk(root)) {
            for (java.nio.file.Path file :
                    files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name, false, AccessGate.class.getClassLoader());
                    if (type.isAnnotationPresent(Path.class)) {
                        resources.add(type);
                    }
                } catch (ClassNotFoundException | LinkageError notLoadable) {
                    // Classes that need the server's runtime to load are not resources.
                }
            }
        }
        return resources;
    }
}

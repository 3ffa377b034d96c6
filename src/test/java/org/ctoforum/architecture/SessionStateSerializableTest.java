package org.ctoforum.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * In a cluster, Payara keeps sessions in Hazelcast, and JSF keeps view-scoped beans inside the session: every field
 * they hold is serialized with it. A field that cannot be leaves the member's session behind on their node. This
 * test reads every session- and view-scoped bean and fails on a field whose type cannot be serialized, so the
 * failure shows at build time, not at a failover.
 */
class SessionStateSerializableTest {

    @Test
    void everyFieldOfSessionStateSerializes() throws Exception {
        List<Class<?>> beans = sessionStateBeans();
        assertFalse(beans.isEmpty(), "no session- or view-scoped bean was found: the scan is broken");
        List<String> problems = new ArrayList<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            for (Class<?> type = bean; type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (skipped(field)) {
                        continue;
                    }
                    String why = whyNotSerializable(field.getGenericType(), new HashSet<>());
                    if (why != null) {
                        problems.add(bean.getSimpleName() + "." + field.getName() + ": " + why);
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Not written, or written as a reference: CDI and EJB references are proxies that serialize as one. */
    private static boolean skipped(Field field) {
        int modifiers = field.getModifiers();
        return Modifier.isStatic(modifiers)
                || Modifier.isTransient(modifiers)
                || field.isAnnotationPresent(Inject.class)
                || field.isAnnotationPresent(EJB.class);
    }

    /** Null when values of this type serialize; else the part that does not. */
    static String whyNotSerializable(Type type, Set<Type> seen) {
        if (!seen.add(type)) {
            return null;
        }
        if (type instanceof Class<?> raw) {
            if (raw.isPrimitive() || raw.isEnum()) {
                return null;
            }
            if (raw.isArray()) {
                return whyNotSerializable(raw.getComponentType(), seen);
            }
            if (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw)) {
                // The collections the beans build (ArrayList, List.of, HashMap, ...) serialize; their elements are
                // checked through the type arguments.
                return null;
            }
            if (!Serializable.class.isAssignableFrom(raw)) {
                return raw.getName() + " is not Serializable";
            }
            if (raw.getName().startsWith("org.ctoforum.")) {
                // Ours: what it holds must serialize too.
                for (Class<?> level = raw; level != null && level != Object.class; level = level.getSuperclass()) {
                    for (Field field : level.getDeclaredFields()) {
                        if (skipped(field)) {
                            continue;
                        }
                        String why = whyNotSerializable(field.getGenericType(), seen);
                        if (why != null) {
                            return raw.getSimpleName() + "." + field.getName() + ": " + why;
                        }
                    }
                }
            }
            return null;
        }
        if (type instanceof ParameterizedType parameterized) {
            String why = whyNotSerializable(parameterized.getRawType(), seen);
            if (why != null) {
                return why;
            }
            for (Type argument : parameterized.getActualTypeArguments()) {
                why = whyNotSerializable(argument, seen);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        if (type instanceof WildcardType wildcard) {
            for (Type bound : wildcard.getUpperBounds()) {
                String why = whyNotSerializable(bound, seen);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        if (type instanceof TypeVariable<?>) {
            return null;
        }
        return "cannot tell for " + type;
    }

    private static List<Class<?>> sessionStateBeans() throws IOException, ClassNotFoundException {
        Path classes = Path.of("target", "classes");
        List<Class<?>> beans = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name =
                        classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                if (name.contains("$") || name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                Class<?> type = Class.forName(name, false, SessionStateSerializableTest.class.getClassLoader());
                if (type.isAnnotationPresent(ViewScoped.class) || type.isAnnotationPresent(SessionScoped.class)) {
                    beans.add(type);
                }
            }
        }
        return beans;
    }
}

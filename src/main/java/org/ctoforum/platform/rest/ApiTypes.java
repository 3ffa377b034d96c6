package org.ctoforum.platform.rest;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.net.JarURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * The Java side of the API: each operation's resource method, and the classes its JSON is written from. Payara's
 * generator describes a {@code long} as a bare number and a date as an object; {@link ApiContract} asks here for what
 * the JSON really holds.
 */
final class ApiTypes {

    private static final String ROOT_PACKAGE = "org/ctoforum/";

    private final Map<String, Method> operations = new HashMap<>();
    private final Map<String, List<Class<?>>> bodiesByName = new HashMap<>();

    private ApiTypes() {}

    /** Finds the resource classes under org.ctoforum through the class loader that holds them. */
    static ApiTypes scan(ClassLoader loader) {
        ApiTypes types = new ApiTypes();
        classNames(loader).forEach(name -> {
            Class<?> type = load(loader, name);
            if (type != null && type.isAnnotationPresent(Path.class)) {
                types.addResource(type);
            }
        });
        return types;
    }

    /** For tests: the types behind the given resource classes. */
    static ApiTypes of(Class<?>... resources) {
        ApiTypes types = new ApiTypes();
        Arrays.stream(resources).forEach(types::addResource);
        return types;
    }

    Optional<Method> method(String operationId) {
        return Optional.ofNullable(operations.get(operationId));
    }

    /** The class a component schema was generated from; empty when none or when two classes share the name. */
    Optional<Class<?>> body(String schemaName) {
        List<Class<?>> found = bodiesByName.getOrDefault(schemaName, List.of());
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    /** Schema names that two API classes share; the generator gives both the first one's schema. */
    List<String> sharedNames() {
        return bodiesByName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(e -> e.getKey() + " " + e.getValue())
                .sorted()
                .toList();
    }

    /** The Java type of a JSON member, from a record component or a field. */
    static Optional<Type> memberType(Class<?> body, String member) {
        if (body.isRecord()) {
            return Arrays.stream(body.getRecordComponents())
                    .filter(c -> c.getName().equals(member))
                    .map(RecordComponent::getGenericType)
                    .findFirst();
        }
        for (Class<?> c = body; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getName().equals(member) && !Modifier.isStatic(field.getModifiers())) {
                    return Optional.of(field.getGenericType());
                }
            }
        }
        return Optional.empty();
    }

    /** The parameter's Java type for a path, query or header parameter of that name. */
    static Optional<Type> parameterType(Method method, String in, String name) {
        java.lang.reflect.Parameter[] parameters = method.getParameters();
        for (java.lang.reflect.Parameter parameter : parameters) {
            String declared =
                    switch (in) {
                        case "path" -> value(parameter.getAnnotation(PathParam.class));
                        case "query" -> value(parameter.getAnnotation(QueryParam.class));
                        case "header" -> value(parameter.getAnnotation(HeaderParam.class));
                        default -> null;
                    };
            if (name.equals(declared)) {
                return Optional.of(parameter.getParameterizedType());
            }
        }
        return Optional.empty();
    }

    /**
     * A JSON value's type as the contract states it: an OpenAPI type (none for any value), its format, its constants,
     * its items, and the values of a map.
     */
    record JsonType(SchemaType type, String format, List<String> constants, JsonType items, JsonType values) {
        /** Any JSON value: a survey answer is a string, a number or a list. */
        static final JsonType ANY = new JsonType(null, null, List.of(), null, null);

        JsonType(SchemaType type, String format, List<String> constants, JsonType items) {
            this(type, format, constants, items, null);
        }

        static JsonType of(SchemaType type, String format) {
            return new JsonType(type, format, List.of(), null);
        }
    }

    /**
     * The type JSON-B writes for a Java type, when it is not an object of its own: whole numbers as integers with
     * their width, dates and times as strings with their format, enums with their constants, collections of those.
     */
    static Optional<JsonType> schemaOf(Type type) {
        Class<?> raw = raw(type);
        if (raw == long.class || raw == Long.class) {
            return Optional.of(JsonType.of(SchemaType.INTEGER, "int64"));
        }
        if (raw == int.class || raw == Integer.class || raw == short.class || raw == Short.class) {
            return Optional.of(JsonType.of(SchemaType.INTEGER, "int32"));
        }
        if (raw == double.class || raw == Double.class || raw == BigDecimal.class) {
            return Optional.of(JsonType.of(SchemaType.NUMBER, "double"));
        }
        if (raw == float.class || raw == Float.class) {
            return Optional.of(JsonType.of(SchemaType.NUMBER, "float"));
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return Optional.of(JsonType.of(SchemaType.BOOLEAN, null));
        }
        if (raw == String.class || raw == ZoneId.class || raw == LocalTime.class) {
            return Optional.of(JsonType.of(SchemaType.STRING, null));
        }
        if (raw == LocalDate.class) {
            return Optional.of(JsonType.of(SchemaType.STRING, "date"));
        }
        if (raw == Instant.class
                || raw == OffsetDateTime.class
                || raw == ZonedDateTime.class
                || raw == LocalDateTime.class) {
            return Optional.of(JsonType.of(SchemaType.STRING, "date-time"));
        }
        if (raw == byte[].class) {
            return Optional.of(JsonType.of(SchemaType.STRING, "binary"));
        }
        if (raw == URI.class) {
            return Optional.of(JsonType.of(SchemaType.STRING, "uri"));
        }
        if (raw == UUID.class) {
            return Optional.of(JsonType.of(SchemaType.STRING, "uuid"));
        }
        if (raw.isEnum()) {
            List<String> constants = Arrays.stream(raw.getEnumConstants())
                    .map(c -> ((Enum<?>) c).name())
                    .toList();
            return Optional.of(new JsonType(SchemaType.STRING, null, constants, null));
        }
        if (raw == JsonValue.class) {
            return Optional.of(JsonType.ANY);
        }
        if (JsonObject.class.isAssignableFrom(raw)) {
            return Optional.of(new JsonType(SchemaType.OBJECT, null, List.of(), null, JsonType.ANY));
        }
        if (Map.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            return schemaOf(p.getActualTypeArguments()[1])
                    .map(values -> new JsonType(SchemaType.OBJECT, null, List.of(), null, values));
        }
        if (Collection.class.isAssignableFrom(raw) && type instanceof ParameterizedType p) {
            return schemaOf(p.getActualTypeArguments()[0])
                    .map(items -> new JsonType(SchemaType.ARRAY, null, List.of(), items));
        }
        return Optional.empty();
    }

    private void addResource(Class<?> resource) {
        Set<Class<?>> seen = new LinkedHashSet<>();
        for (Method method : resource.getDeclaredMethods()) {
            Operation operation = method.getAnnotation(Operation.class);
            if (operation == null || operation.operationId().isEmpty()) {
                continue;
            }
            operations.put(operation.operationId(), method);
            collect(method.getGenericReturnType(), seen);
            for (java.lang.reflect.Parameter parameter : method.getParameters()) {
                if (isEntity(parameter)) {
                    collect(parameter.getParameterizedType(), seen);
                }
            }
        }
        seen.forEach(type -> {
            List<Class<?>> named = bodiesByName.computeIfAbsent(type.getSimpleName(), n -> new ArrayList<>());
            if (!named.contains(type)) {
                named.add(type);
            }
        });
    }

    /** Follows a type into its members, gathering the classes the JSON is written from. */
    private static void collect(Type root, Set<Class<?>> seen) {
        Deque<Type> pending = new ArrayDeque<>(List.of(root));
        while (!pending.isEmpty()) {
            Type type = pending.pop();
            if (type instanceof ParameterizedType p) {
                pending.addAll(Arrays.asList(p.getActualTypeArguments()));
            }
            Class<?> raw = raw(type);
            if (raw == Object.class || !raw.getName().startsWith("org.ctoforum.") || raw.isEnum()) {
                continue;
            }
            if (!seen.add(raw)) {
                continue;
            }
            if (raw.isRecord()) {
                Arrays.stream(raw.getRecordComponents())
                        .map(RecordComponent::getGenericType)
                        .forEach(pending::add);
            } else {
                for (Field field : raw.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers())) {
                        pending.add(field.getGenericType());
                    }
                }
            }
        }
    }

    private static boolean isEntity(java.lang.reflect.Parameter parameter) {
        return Stream.of(
                        PathParam.class,
                        QueryParam.class,
                        HeaderParam.class,
                        CookieParam.class,
                        MatrixParam.class,
                        FormParam.class,
                        BeanParam.class,
                        Context.class)
                .noneMatch(parameter::isAnnotationPresent);
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static String value(PathParam p) {
        return p == null ? null : p.value();
    }

    private static String value(QueryParam p) {
        return p == null ? null : p.value();
    }

    private static String value(HeaderParam p) {
        return p == null ? null : p.value();
    }

    private static Class<?> load(ClassLoader loader, String name) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    /** Class names under org.ctoforum, from an exploded folder or a jar. */
    private static List<String> classNames(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            for (URL url : java.util.Collections.list(loader.getResources(ROOT_PACKAGE))) {
                if ("file".equals(url.getProtocol())) {
                    java.nio.file.Path root = Paths.get(url.toURI());
                    try (Stream<java.nio.file.Path> files = Files.walk(root)) {
                        files.map(root::relativize)
                                .map(java.nio.file.Path::toString)
                                .filter(f -> f.endsWith(".class"))
                                .forEach(f -> names.add(className(ROOT_PACKAGE + f.replace('\\', '/'))));
                    }
                } else if (url.openConnection() instanceof JarURLConnection jar) {
                    jar.getJarFile().stream()
                            .map(java.util.jar.JarEntry::getName)
                            .filter(f -> f.startsWith(ROOT_PACKAGE) && f.endsWith(".class"))
                            .forEach(f -> names.add(className(f)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the API's classes", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot list the API's classes", e);
        }
        return new ArrayList<>(names);
    }

    private static String className(String file) {
        return file.substring(0, file.length() - ".class".length()).replace('/', '.');
    }
}

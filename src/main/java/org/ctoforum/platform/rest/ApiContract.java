package org.ctoforum.platform.rest;

import jakarta.ws.rs.Produces;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.tags.Tag;

/**
 * Turns the document Payara generates into a contract code generators accept (registered as {@code mp.openapi.filter}):
 * JSON types as JSON-B writes them, a documented answer per status code with RFC 9457 problems for errors, files as
 * files, one tag per feature, and the public address as the server. Everything here is derived from the Java code, so
 * the document follows the code without hand edits.
 */
public class ApiContract implements OASFilter {

    private static final Logger LOG = Logger.getLogger(ApiContract.class.getName());

    private static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String PROBLEM_REF = SCHEMAS + PROBLEM;

    private final ApiTypes types;
    private final Set<String> schemaNames = new HashSet<>();
    private final Map<String, String> featureOfTag = new HashMap<>();

    public ApiContract() {
        this(ApiTypes.scan(ApiContract.class.getClassLoader()));
    }

    ApiContract(ApiTypes types) {
        this.types = types;
    }

    @Override
    public void filterOpenAPI(OpenAPI api) {
        types.sharedNames().forEach(shared -> LOG.severe("Two API classes share a schema name: " + shared));
        publicServer(api);
        api.getComponents().addSchema(PROBLEM, problemSchema());
        Map<String, Schema> schemas = api.getComponents().getSchemas();
        schemaNames.addAll(schemas.keySet());
        schemas.forEach((name, schema) -> types.body(name).ifPresent(body -> retypeMembers(schema, body)));
        if (api.getPaths() != null) {
            api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                    .forEach((method, operation) -> describe(path, method, operation)));
        }
        tagsByFeature(api);
    }

    private void describe(String path, PathItem.HttpMethod httpMethod, Operation operation) {
        Optional<Method> method =
                Optional.ofNullable(operation.getOperationId()).flatMap(types::method);
        method.ifPresent(m -> {
            tagAndSecurity(m, operation);
            retypeParameters(m, operation);
            multipartParts(m, operation);
        });
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        operation.getResponses().setAPIResponses(answers(path, httpMethod, operation, method));
    }

    /** The operation's feature as its one tag; a call open to anyone says its security is optional. */
    private void tagAndSecurity(Method method, Operation operation) {
        String feature = feature(method);
        if (operation.getTags() != null) {
            operation.getTags().forEach(tag -> featureOfTag.putIfAbsent(tag, feature));
        }
        operation.setTags(new ArrayList<>(List.of(feature)));
        if (openToAnyone(method)) {
            operation.setSecurity(new ArrayList<>(List.of(
                    OASFactory.createSecurityRequirement(),
                    OASFactory.createSecurityRequirement().addScheme("basic"),
                    OASFactory.createSecurityRequirement().addScheme("token"))));
        }
    }

    private static void retypeParameters(Method method, Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            ApiTypes.parameterType(method, parameter.getIn().toString(), parameter.getName())
                    .flatMap(ApiTypes::schemaOf)
                    .ifPresent(type -> parameter.setSchema(withDefault(schema(type), parameter.getSchema())));
        }
    }

    /**
     * The success answer with what it carries, then the errors that can occur: 400 for a call that takes input,
     * 401 and 403 unless it is open to anyone and names no object, 404 for a named object, 409 for a change, and
     * whatever the method declares itself; {@code default} covers the rest. Every error is a {@code Problem}.
     */
    private Map<String, APIResponse> answers(
            String path, PathItem.HttpMethod httpMethod, Operation operation, Optional<Method> method) {
        Map<String, APIResponse> declared = operation.getResponses().getAPIResponses();
        String success = successCode(declared, method);
        APIResponse answer = Optional.ofNullable(declared.get(success))
                .orElseGet(() -> OASFactory.createAPIResponse().description("OK"));
        boolean empty = answer.getContent() == null
                || answer.getContent().getMediaTypes().isEmpty();
        if (!"204".equals(success) && empty) {
            method.ifPresent(m -> answer.setContent(successContent(m)));
        }
        Map<String, APIResponse> answers = new TreeMap<>(ApiContract::byStatus);
        answers.put(success, answer);
        if (answer.getContent() != null && answer.getContent().hasMediaType("application/pdf")) {
            answers.put(
                    "206",
                    OASFactory.createAPIResponse()
                            .description("The requested range of the file")
                            .content(answer.getContent()));
        }
        if (hasHeader(operation, "If-None-Match") || hasHeader(operation, "If-Modified-Since")) {
            answers.put(
                    "304", OASFactory.createAPIResponse().description("Not modified since the copy the client holds"));
        }
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null
                        && !operation.getParameters().isEmpty());
        if (takesInput) {
            answers.put("400", problem("The request is not valid; the problem names what to change"));
        }
        boolean namesAnObject = path.contains("{");
        if (!method.map(ApiContract::openToAnyone).orElse(false) || namesAnObject) {
            answers.put("401", problem("Sign in first: HTTP Basic or a bearer API token"));
            answers.put("403", problem("The caller may not do this"));
        }
        if (namesAnObject) {
            answers.put("404", problem("No such object, or the caller may not know it exists"));
        }
        if (httpMethod != PathItem.HttpMethod.GET) {
            answers.put("409", problem("The object's state does not allow this now"));
        }
        declared.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                answers.put(code, problem(response.getDescription()));
            }
        });
        answers.put(APIResponses.DEFAULT, problem("Any other error, as an RFC 9457 problem"));
        return answers;
    }

    /** Status codes in order, {@code default} last. */
    private static int byStatus(String one, String other) {
        if (one.equals(other)) {
            return 0;
        }
        if (one.equals(APIResponses.DEFAULT) || other.equals(APIResponses.DEFAULT)) {
            return one.equals(APIResponses.DEFAULT) ? 1 : -1;
        }
        return one.compareTo(other);
    }

    /** A declared 2xx wins; otherwise 200, or 204 when the method returns nothing. */
    private static String successCode(Map<String, APIResponse> declared, Optional<Method> method) {
        return declared.keySet().stream()
                .filter(code -> code.startsWith("2"))
                .findFirst()
                .orElseGet(() -> method.map(m -> m.getReturnType() == void.class ? "204" : "200")
                        .orElse("200"));
    }

    /** What the method writes, by its {@code @Produces} and its return type; a file answers as the file. */
    private Content successContent(Method method) {
        Produces produces = Optional.ofNullable(method.getAnnotation(Produces.class))
                .orElse(method.getDeclaringClass().getAnnotation(Produces.class));
        List<String> mediaTypes = produces == null
                ? List.of(jakarta.ws.rs.core.MediaType.APPLICATION_JSON)
                : Arrays.stream(produces.value())
                        .flatMap(v -> Arrays.stream(v.split(",")))
                        .map(String::strip)
                        .filter(type -> !type.equals(PROBLEM_JSON))
                        .toList();
        boolean file = mediaTypes.stream().anyMatch(type -> !type.endsWith("json"));
        Content content = OASFactory.createContent();
        for (String type : mediaTypes) {
            if (!type.endsWith("json")) {
                Schema text = OASFactory.createSchema().type(SchemaType.STRING);
                content.addMediaType(
                        type,
                        OASFactory.createMediaType().schema(type.startsWith("text/") ? text : text.format("binary")));
            } else if (!file) {
                content.addMediaType(
                        type, OASFactory.createMediaType().schema(jsonSchema(method.getGenericReturnType())));
            }
        }
        return content;
    }

    /** A reference to the schema the generator made for one of our classes, or the plain schema of a JSON value. */
    private Schema jsonSchema(Type type) {
        Optional<ApiTypes.JsonType> plain = ApiTypes.schemaOf(type);
        if (plain.isPresent()) {
            return schema(plain.get());
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (Collection.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema()
                        .type(SchemaType.ARRAY)
                        .items(jsonSchema(p.getActualTypeArguments()[0]));
            }
        }
        if (type instanceof Class<?> raw
                && raw.getName().startsWith("org.ctoforum.")
                && schemaNames.contains(raw.getSimpleName())) {
            return OASFactory.createSchema().ref(SCHEMAS + raw.getSimpleName());
        }
        return OASFactory.createSchema().type(SchemaType.OBJECT);
    }

    /** Multipart uploads name their parts: the record given as the request body's schema lists them. */
    private void multipartParts(Method method, Operation operation) {
        org.eclipse.microprofile.openapi.annotations.parameters.RequestBody declared =
                method.getAnnotation(org.eclipse.microprofile.openapi.annotations.parameters.RequestBody.class);
        if (declared == null || operation.getRequestBody() == null) {
            return;
        }
        for (org.eclipse.microprofile.openapi.annotations.media.Content content : declared.content()) {
            Class<?> parts = content.schema().implementation();
            if (!parts.isRecord()) {
                continue;
            }
            Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
            for (RecordComponent part : parts.getRecordComponents()) {
                schema.addProperty(part.getName(), jsonSchema(part.getGenericType()));
            }
            operation
                    .getRequestBody()
                    .content(OASFactory.createContent()
                            .addMediaType(
                                    content.mediaType(),
                                    OASFactory.createMediaType().schema(schema)));
        }
    }

    private void retypeMembers(Schema schema, Class<?> body) {
        if (schema.getProperties() == null) {
            return;
        }
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((member, generated) -> generated.getRef() != null
                ? generated
                : ApiTypes.memberType(body, member)
                        .flatMap(ApiTypes::schemaOf)
                        .map(type -> withDefault(schema(type), generated))
                        .orElse(generated));
        schema.setProperties(properties);
    }

    private static Schema schema(ApiTypes.JsonType type) {
        Schema schema = OASFactory.createSchema();
        if (type.type() != null) {
            schema.setType(type.type());
        }
        if (type.values() != null) {
            schema.setAdditionalPropertiesSchema(schema(type.values()));
        }
        if (type.format() != null) {
            schema.setFormat(type.format());
        }
        type.constants().forEach(schema::addEnumeration);
        if (type.items() != null) {
            schema.setItems(schema(type.items()));
        }
        return schema;
    }

    private static Schema withDefault(Schema typed, Schema generated) {
        if (generated != null && generated.getDefaultValue() != null) {
            Object value = generated.getDefaultValue();
            typed.setDefaultValue(
                    typed.getType() == SchemaType.INTEGER && value instanceof String text && text.matches("-?\\d+")
                            ? Long.valueOf(text)
                            : value);
        }
        if (generated != null && generated.getDescription() != null) {
            typed.setDescription(generated.getDescription());
        }
        return typed;
    }

    private static boolean openToAnyone(Method method) {
        OpenTo declared = Optional.ofNullable(method.getAnnotation(OpenTo.class))
                .orElse(method.getDeclaringClass().getAnnotation(OpenTo.class));
        return declared == null || List.of(declared.value()).contains(OpenTo.ANYONE);
    }

    private static boolean hasHeader(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream()
                        .anyMatch(p -> p.getIn() == Parameter.In.HEADER && name.equalsIgnoreCase(p.getName()));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse()
                .description(description)
                .content(OASFactory.createContent()
                        .addMediaType(
                                PROBLEM_JSON,
                                OASFactory.createMediaType()
                                        .schema(OASFactory.createSchema().ref(PROBLEM_REF))));
    }

    /** RFC 9457: its five members, and whatever a kind of problem adds (the fields at fault, say). */
    private static Schema problemSchema() {
        return OASFactory.createSchema()
                .type(SchemaType.OBJECT)
                .description("An RFC 9457 problem; branch on type, show title and detail")
                .addProperty(
                        "type",
                        OASFactory.createSchema()
                                .type(SchemaType.STRING)
                                .format("uri-reference")
                                .description("What kind of problem; stable, with a page that explains it"))
                .addProperty("title", OASFactory.createSchema().type(SchemaType.STRING))
                .addProperty(
                        "status",
                        OASFactory.createSchema().type(SchemaType.INTEGER).format("int32"))
                .addProperty("detail", OASFactory.createSchema().type(SchemaType.STRING))
                .addProperty(
                        "instance",
                        OASFactory.createSchema().type(SchemaType.STRING).format("uri-reference"))
                .additionalPropertiesBoolean(true);
    }

    /** The address users reach the portal at, as in links and mails; the listener's own address otherwise. */
    private static void publicServer(OpenAPI api) {
        String configured = ConfigProvider.getConfig(ApiContract.class.getClassLoader())
                .getOptionalValue("portal.base.url", String.class)
                .map(String::strip)
                .orElse("");
        String url = !configured.isEmpty()
                ? configured
                : api.getServers() == null || api.getServers().isEmpty()
                        ? "/"
                        : api.getServers().get(0).getUrl();
        String withoutSlash = url.length() > 1 && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        api.setServers(new ArrayList<>(
                List.of(OASFactory.createServer().url(withoutSlash).description("The portal"))));
    }

    /** The feature a resource belongs to, from its package: org.ctoforum.forums.boundary is Forums. */
    private static String feature(Method method) {
        String[] parts = method.getDeclaringClass().getPackageName().split("\\.");
        String name = parts.length > 2 ? parts[2] : parts[parts.length - 1];
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /**
     * One tag per feature, so that a generated client has one class per feature folder; its description joins those
     * of the resource classes' own tags.
     */
    private void tagsByFeature(OpenAPI api) {
        Map<String, List<String>> descriptions = new TreeMap<>();
        featureOfTag.values().forEach(feature -> descriptions.putIfAbsent(feature, new ArrayList<>()));
        if (api.getTags() != null) {
            for (Tag tag : api.getTags()) {
                String feature = featureOfTag.get(tag.getName());
                if (feature != null
                        && tag.getDescription() != null
                        && !descriptions.get(feature).contains(tag.getDescription())) {
                    descriptions.get(feature).add(tag.getDescription());
                }
            }
        }
        List<Tag> tags = new ArrayList<>();
        descriptions.forEach((feature, texts) -> tags.add(
                OASFactory.createTag().name(feature).description(texts.isEmpty() ? null : String.join("; ", texts))));
        api.setTags(tags);
    }
}

package org.ctoforum.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.ctoforum.testing.Portal;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.yaml.snakeyaml.Yaml;

/**
 * The OpenAPI document the running portal serves is the contract committed in docs/openapi.yaml, and it is one a
 * code generator accepts. When an API change makes them differ, the live document is left in target/openapi.yaml
 * to review and copy.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiContractIT {

    private static final Pattern SERVER_URL = Pattern.compile("(?m)^- url: .*$");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Portal.war();
    }

    @ArquillianResource
    URL base;

    Portal portal;

    @BeforeEach
    void connect() {
        portal = new Portal(base);
    }

    @Test
    void theLiveDocumentIsTheCommittedContract() throws IOException {
        Portal.Answer live = portal.send(
                portal.request("/openapi").header("Accept", "application/yaml").GET());
        assertEquals(200, live.status(), live.toString());
        Path committed = Path.of(System.getProperty("portal.it.openapi.committed"));
        String expected = Files.readString(committed, StandardCharsets.UTF_8);
        // The server is the listener's address here; the committed one is a default portal's.
        String actual = SERVER_URL
                .matcher(live.body())
                .replaceFirst(SERVER_URL
                        .matcher(expected)
                        .results()
                        .findFirst()
                        .orElseThrow()
                        .group());
        Path written = Path.of(System.getProperty("portal.it.openapi.live"));
        Files.writeString(written, actual, StandardCharsets.UTF_8);
        // Compared as data: Payara writes a response's members in an order that can change between starts.
        Yaml yaml = new Yaml();
        assertTrue(
                yaml.load(expected).equals(yaml.load(actual)),
                "The API changed: review " + written + " and copy it to docs/openapi.yaml (diff " + committed + " "
                        + written + ")");
    }

    @Test
    void theDocumentIsValidWithOneIdPerOperationAndTypedValues() {
        SwaggerParseResult parsed =
                new OpenAPIV3Parser().readContents(portal.get("/openapi").body());
        assertEquals(List.of(), parsed.getMessages());
        OpenAPI api = parsed.getOpenAPI();
        assertFalse(api.getExtensions() != null && api.getExtensions().containsKey("endpoints"));
        // The listener's own address, as no PORTAL_BASE_URL is set here; without a trailing slash.
        String server = api.getServers().get(0).getUrl();
        assertTrue(server.matches("http://[^/]+:" + base.getPort()), server);

        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            String where = method + " " + path;
            if (!ids.add(operation.getOperationId())) {
                problems.add(where + " repeats the operationId " + operation.getOperationId());
            }
            if (!operation.getResponses().keySet().stream().anyMatch(code -> code.startsWith("2"))) {
                problems.add(where + " documents no success status");
            }
            checkErrorsAreProblems(where, operation, problems);
        }));
        api.getComponents().getSchemas().forEach((name, schema) -> {
            if (schema.getProperties() != null) {
                properties(schema).forEach((member, typed) -> {
                    if ("number".equals(typed.getType()) && typed.getFormat() == null) {
                        problems.add(name + "." + member + " is a number of no width");
                    }
                    if ("object".equals(typed.getType())
                            && typed.get$ref() == null
                            && typed.getProperties() == null
                            && (member.endsWith("At") || member.endsWith("Date"))) {
                        problems.add(name + "." + member + " is a date described as an object");
                    }
                });
            }
        });
        assertEquals(List.of(), problems);

        Operation file = api.getPaths().get("/api/reports/{id}/file").getGet();
        assertTrue(file.getResponses().get("200").getContent().containsKey("application/pdf"));
        assertEquals(
                "binary",
                file.getResponses()
                        .get("200")
                        .getContent()
                        .get("application/pdf")
                        .getSchema()
                        .getFormat());
        assertTrue(api.getPaths()
                .get("/api/reports")
                .getPost()
                .getRequestBody()
                .getContent()
                .get("multipart/form-data")
                .getSchema()
                .getProperties()
                .keySet()
                .containsAll(Set.of("metadata", "file")));
        Map<String, Schema<?>> edition =
                properties(api.getComponents().getSchemas().get("EditionView"));
        assertEquals("date", edition.get("startDate").getFormat());
        assertEquals("int64", edition.get("id").getFormat());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Schema<?>> properties(Schema<?> schema) {
        return (Map<String, Schema<?>>) (Map<String, ?>) schema.getProperties();
    }

    private static void checkErrorsAreProblems(String where, Operation operation, List<String> problems) {
        operation.getResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.equals("default")) {
                if (response.getContent() == null || !response.getContent().containsKey("application/problem+json")) {
                    problems.add(where + " " + code + " is not a problem");
                }
            }
        });
    }

    @Test
    void theYamlDocumentIsServedAsYamlWithAnEtag() {
        Portal.Answer yaml = portal.send(
                portal.request("/openapi").header("Accept", "application/yaml").GET());
        assertEquals(200, yaml.status());
        assertEquals("application/yaml; charset=UTF-8", yaml.header("Content-Type"));
        assertTrue(yaml.body().startsWith("openapi: 3.0"));
        assertFalse(yaml.body().contains("\nendpoints:"), "Payara's own endpoints list is not part of OpenAPI");

        Portal.Answer again = portal.send(portal.request("/openapi")
                .header("Accept", "application/yaml")
                .header("If-None-Match", yaml.header("ETag"))
                .GET());
        assertEquals(304, again.status());

        Portal.Answer json = portal.send(
                portal.request("/openapi").header("Accept", "application/json").GET());
        assertEquals(200, json.status());
        assertEquals("application/json; charset=UTF-8", json.header("Content-Type"));
        assertFalse(json.json().containsKey("endpoints"));
        assertTrue(json.json().getJsonObject("paths").containsKey("/api/forums"));
    }
}

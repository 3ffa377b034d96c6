package org.ctoforum.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.File;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Talks to the portal under test over HTTP, as an outside client would. */
public final class Portal {

    public static final String DEMO_PASSWORD = System.getProperty("portal.it.demo.password");

    private final URI base;
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    public Portal(URL base) {
        this.base = URI.create(base.toString().endsWith("/") ? base.toString() : base + "/");
    }

    /** The real WAR the build made, deployed as it is. */
    public static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("portal.it.war")));
    }

    public URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    }

    public Answer send(HttpRequest.Builder request) {
        try {
            return new Answer(client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + e, e);
        }
    }

    public Answer get(String path, String... basicAuth) {
        return send(authorized(request(path).GET(), basicAuth));
    }

    public Answer postJson(String path, String json, String... basicAuth) {
        return send(authorized(
                request(path)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json)),
                basicAuth));
    }

    public Answer putJson(String path, String json, String... basicAuth) {
        return send(authorized(
                request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)),
                basicAuth));
    }

    public Answer delete(String path, String... basicAuth) {
        return send(authorized(request(path).DELETE(), basicAuth));
    }

    /** Adds HTTP Basic for {@code email} with {@code password}, the demo password when none is given. */
    public static HttpRequest.Builder authorized(HttpRequest.Builder request, String... basicAuth) {
        if (basicAuth.length == 0) {
            return request;
        }
        String password = basicAuth.length > 1 ? basicAuth[1] : DEMO_PASSWORD;
        String pair = basicAuth[0] + ":" + password;
        return request.header(
                "Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }

    public record Answer(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) structure();
        }

        public jakarta.json.JsonArray array() {
            return (jakarta.json.JsonArray) structure();
        }

        private JsonStructure structure() {
            try (var reader = Json.createReader(new StringReader(response.body()))) {
                return reader.read();
            }
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}

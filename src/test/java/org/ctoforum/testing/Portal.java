package org.ctoforum.testing;

import static org.awaitility.Awaitility.await;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /** One part of a multipart/form-data body. */
    /**
     * Signs up with a JSON body as a person would ({@code email} and {@code password} in it), follows the mailed
     * confirmation link, and answers the new account's id.
     */
    public long signUp(String body) {
        JsonObject form = Json.createReader(new StringReader(body)).readObject();
        String email = form.getString("email");
        Answer created = postJson("/api/accounts", body);
        if (created.status() != 202) {
            throw new AssertionError("sign-up of " + email + " answered " + created);
        }
        String token = mailedToken(email, "confirm.xhtml");
        Answer confirmed = postJson("/api/accounts/confirmations", "{\"token\":\"" + token + "\"}");
        if (confirmed.status() != 200) {
            throw new AssertionError("confirmation of " + email + " answered " + confirmed);
        }
        return get("/api/me", email, form.getString("password"))
                .json()
                .getJsonNumber("id")
                .longValue();
    }

    /** The text of every mail to {@code email} so far. */
    public static List<String> mailsTo(String email) {
        List<String> texts = new ArrayList<>();
        try {
            for (MimeMessage message : TestServices.mail().getReceivedMessages()) {
                if (message.getAllRecipients()[0].toString().equalsIgnoreCase(email)) {
                    texts.add(message.getContent().toString());
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the mails to " + email, e);
        }
        return texts;
    }

    /** A token of a link to {@code page} mailed to {@code email} after {@code old}: a resent link. */
    public static String awaitNewToken(String email, String page, String old) {
        return await().alias("a new " + page + " link to reach " + email)
                .atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> latestToken(email, page), token -> token != null && !token.equals(old));
    }

    /** The token of the latest link to {@code page} mailed to {@code email}, waiting for the outbox to send it. */
    public static String mailedToken(String email, String page) {
        return await().alias("a mail with a " + page + " link to reach " + email)
                .atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> latestToken(email, page), Objects::nonNull);
    }

    private static String latestToken(String email, String page) {
        Pattern link = Pattern.compile(Pattern.quote(page) + "\\?token=([A-Za-z0-9_-]+)");
        String token = null;
        for (String text : mailsTo(email)) {
            Matcher found = link.matcher(text);
            if (found.find()) {
                token = found.group(1);
            }
        }
        return token;
    }

    public record Part(String name, String fileName, String contentType, byte[] content) {
        public static Part json(String name, String json) {
            return new Part(name, null, "application/json", json.getBytes(StandardCharsets.UTF_8));
        }

        public static Part text(String name, String text) {
            return new Part(name, null, "text/plain; charset=UTF-8", text.getBytes(StandardCharsets.UTF_8));
        }

        public static Part file(String fileName, byte[] content) {
            return new Part("file", fileName, "application/pdf", content);
        }
    }

    public Answer postMultipart(String path, List<Part> parts, String... basicAuth) {
        String boundary = "----portal-test-" + UUID.randomUUID();
        List<byte[]> chunks = new ArrayList<>();
        for (Part part : parts) {
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\""
                    + (part.fileName() == null ? "" : "; filename=\"" + part.fileName() + "\"")
                    + "\r\nContent-Type: " + part.contentType() + "\r\n\r\n";
            chunks.add(head.getBytes(StandardCharsets.UTF_8));
            chunks.add(part.content());
            chunks.add("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        chunks.add(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(authorized(
                request(path)
                        .timeout(Duration.ofSeconds(120))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(chunks)),
                basicAuth));
    }

    /** A GET whose body is bytes, e.g. a file; {@code headers} come in name, value pairs. */
    public HttpResponse<byte[]> bytes(String path, List<String> headers, String... basicAuth) {
        HttpRequest.Builder request = authorized(request(path).GET(), basicAuth);
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            request.header(headers.get(i), headers.get(i + 1));
        }
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("Request failed: " + e, e);
        }
    }

    /**
     * Signs in through the sign-in form as a browser does; {@code pages} keeps the session cookie, so it needs a
     * cookie handler and must not follow redirects.
     */
    public void signInThroughTheForm(HttpClient pages, String email, String password) {
        try {
            HttpResponse<String> form = pages.send(
                    HttpRequest.newBuilder(uri("/signin.xhtml")).GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher state = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"")
                    .matcher(form.body());
            if (!state.find()) {
                throw new AssertionError("the sign-in form has no view state: " + form.body());
            }
            String body = "signin=signin&signin%3Aemail=" + encode(email) + "&signin%3Apassword=" + encode(password)
                    + "&signin%3Asubmit=&jakarta.faces.ViewState=" + encode(state.group(1));
            HttpResponse<String> signedIn = pages.send(
                    HttpRequest.newBuilder(uri("/signin.xhtml"))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (signedIn.statusCode() != 302) {
                throw new AssertionError(
                        "the form did not sign " + email + " in: " + signedIn.statusCode() + " " + signedIn.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
